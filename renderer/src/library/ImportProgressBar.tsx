import { useTranslation } from 'react-i18next';
import type { ImportState } from './ImportContext';

/** Import progress: files sent by this window, refined by the host's own progress events. */
export function ImportProgressBar({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const host = state.host;
  const done = state.sent + (host ? host.filesDone : 0);
  const value = Math.min(done, state.files);
  return (
    <div className="import-progress" role="status" aria-live="polite">
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
    </div>
  );
}
