import { useTranslation } from 'react-i18next';
import { useModal } from '../app/useModal';
import type { ImportSummary } from '../../../electron/api/contract';
import { articleHref } from '../app/route';

/** What an import did: imported, skipped as duplicates, failed and why. A modal <dialog>. */
export function ImportSummaryDialog({
  summary,
  onClose,
}: {
  summary: ImportSummary;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useModal();

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="import-summary-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="import-summary-title">
        {t(summary.cancelled ? 'library.summaryCancelledTitle' : 'library.summaryTitle')}
      </h2>
      {summary.cancelled && (
        <p className="import-cancelled">
          {t('library.cancelledSummary', { count: summary.imported })}
        </p>
      )}
      <dl className="summary-counts">
        <div>
          <dt>{t('library.imported')}</dt>
          <dd>{summary.imported}</dd>
        </div>
        <div>
          <dt>{t('library.duplicates')}</dt>
          <dd>{summary.duplicates}</dd>
        </div>
        <div>
          <dt>{t('library.failed')}</dt>
          <dd>{summary.failed.length}</dd>
        </div>
      </dl>
      {summary.failed.length > 0 && (
        <>
          <h3>{t('library.failedTitle')}</h3>
          <ul className="failure-list">
            {summary.failed.map((f, i) => (
              <li key={i}>
                <strong>{f.path}</strong>: {f.error}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        {summary.articleIds.length > 0 && (
          <a className="button" href={articleHref(summary.articleIds[0])} onClick={onClose}>
            {t('library.openFirst')}
          </a>
        )}
        <button type="button" className="button primary" autoFocus onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
