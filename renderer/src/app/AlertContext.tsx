import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, toApiError } from '../api/errors';

interface Message {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

interface AlertContextValue {
  reportError(error: unknown): void;
  notify(text: string): void;
}

const AlertContext = createContext<AlertContextValue | null>(null);
let nextId = 1;

/** One sentence for an error: the catalogue's for client-side codes, else the host's message. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const e: ApiError = toApiError(error);
      const key = `errors.${e.code}`;
      if (i18n.exists(key)) return t(key);
      return e.message || t('errors.unknown');
    },
    [t, i18n],
  );
}

export function AlertProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [messages, setMessages] = useState<Message[]>([]);

  const push = useCallback((kind: Message['kind'], text: string) => {
    const id = nextId++;
    setMessages((list) => [...list.filter((m) => m.text !== text).slice(-2), { id, kind, text }]);
    if (kind === 'info') {
      setTimeout(() => setMessages((list) => list.filter((m) => m.id !== id)), 6000);
    }
  }, []);

  const value = useMemo<AlertContextValue>(
    () => ({
      reportError: (error) => push('error', errorText(error)),
      notify: (text) => push('info', text),
    }),
    [push, errorText],
  );

  return (
    <AlertContext.Provider value={value}>
      {children}
      <div className="alerts" role="alert" aria-live="polite" aria-atomic="false">
        {messages.map((m) => (
          <div key={m.id} className={`alert alert-${m.kind}`}>
            <span aria-hidden="true" className="alert-icon">
              {m.kind === 'error' ? '⚠' : 'ℹ'}
            </span>
            <p>{m.text}</p>
            <button
              type="button"
              className="icon-button"
              aria-label={t('common.dismiss')}
              title={t('common.dismiss')}
              onClick={() => setMessages((list) => list.filter((x) => x.id !== m.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </AlertContext.Provider>
  );
}

export function useAlerts(): AlertContextValue {
  const value = useContext(AlertContext);
  if (!value) throw new Error('useAlerts outside AlertProvider');
  return value;
}
