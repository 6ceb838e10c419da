import { useTranslation } from 'react-i18next';
import type { ImportState } from './ImportContext';

/**
 * Import progress: files sent by this window, refined by the host's own progress events, and the
 * button that cancels the import (what it committed is kept).
 */
export function ImportProgressBar({ state, onCancel }: { state: ImportState; onCancel(): void }) {
  const { t } = useTranslation();
  const host = state.host;
  const done = state.sent + (host ? host.filesDone : 0);
  const value = Math.min(done, state.files);
  return (
    <div className="import-progress">
      <div className="import-progress-status" role="status" aria-live="polite">
        <label>
          <span>{t('library.importing', { done: value, total: state.files })}</span>
          <progress max={state.files} value={value} />
        </label>
        {host?.current && <span className="muted small truncate">{host.current}</span>}
        {host?.pages && <span className="muted small">{t('library.importPages', host.pages)}</span>}
        {host && (
          <span className="muted small">
            {t('library.progressCounts', {
              imported: host.imported,
              duplicates: host.duplicates,
              failed: host.failed,
            })}
          </span>
        )}
        {state.cancelling && <span className="muted small">{t('library.cancelling')}</span>}
      </div>
      <button type="button" className="button" disabled={state.cancelling} onClick={onCancel}>
        {t('library.cancelImport')}
      </button>
    </div>
  );
}
