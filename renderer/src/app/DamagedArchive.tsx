import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, readToken } from '../api/client';
import { toApiError } from '../api/errors';

/** The host's answer when the archive is damaged and an automatic backup exists. */
const DAMAGED = 'db.damaged-backup';

/**
 * At start, asks the host once whether the archive could be opened. When it is damaged, the page
 * shows the host's sentence and a button restoring the newest automatic backup (the browser host
 * keeps serving for that; the desktop app asks in its own dialog before any window opens).
 */
export function ArchiveGate({ children }: { children: ReactNode }) {
  const [damaged, setDamaged] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.stats({}).catch((error: unknown) => {
      const e = toApiError(error);
      if (live && e.code === DAMAGED) setDamaged(e.message);
    });
    return () => {
      live = false;
    };
  }, []);
  return damaged === null ? children : <DamagedArchive sentence={damaged} />;
}

function DamagedArchive({ sentence }: { sentence: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'restoring' | { failed: string }>('idle');

  const restore = async () => {
    setState('restoring');
    const token = readToken(window.location.search);
    try {
      const response = await fetch('/api/restoreBackup', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { 'X-Archive-Token': token } : {}),
        },
        body: '{}',
      });
      const envelope = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (envelope.ok) return window.location.reload();
      setState({ failed: envelope.error?.message ?? t('errors.unknown') });
    } catch {
      setState({ failed: t('errors.client.network') });
    }
  };

  return (
    <main className="damaged-archive" aria-labelledby="damaged-title">
      <h1 id="damaged-title">{t('damaged.title')}</h1>
      <p>{sentence}</p>
      <p>{t('damaged.explain')}</p>
      <button type="button" onClick={() => void restore()} disabled={state === 'restoring'}>
        {state === 'restoring' ? t('damaged.restoring') : t('damaged.restore')}
      </button>
      {typeof state === 'object' && <p role="alert">{state.failed}</p>}
    </main>
  );
}
