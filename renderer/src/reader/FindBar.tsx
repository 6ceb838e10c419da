import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  query: string;
  count: number;
  current: number;
  onQuery(query: string): void;
  onStep(direction: 1 | -1): void;
  onClose(): void;
}

/** Find in article (Ctrl+F): accent-insensitive, Enter / Shift+Enter step, Esc closes. */
export function FindBar({ query, count, current, onQuery, onStep, onClose }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const statusId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      onStep(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div className="find-bar" role="search" aria-label={t('find.region')}>
      <input
        ref={inputRef}
        type="search"
        role="searchbox"
        aria-label={t('find.label')}
        aria-describedby={statusId}
        placeholder={t('find.placeholder')}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id={statusId} className="find-count" role="status">
        {query.trim()
          ? count > 0
            ? t('find.position', { current: current + 1, count })
            : t('find.none')
          : ''}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('find.previous')}
        title={t('find.previous')}
        disabled={count === 0}
        onClick={() => onStep(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('find.next')}
        title={t('find.next')}
        disabled={count === 0}
        onClick={() => onStep(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('find.close')}
        title={t('find.close')}
        onClick={onClose}
      >
        ×
      </button>
    </div>
  );
}
