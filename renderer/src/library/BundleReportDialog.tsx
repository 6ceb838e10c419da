import { useTranslation } from 'react-i18next';
import { useModal } from '../app/useModal';
import type { BundleImportReport } from '../../../electron/api/contract';
import { articleHref } from '../app/route';

/** What a bundle import did: articles, annotations, tags and collections, and what was refused. */
export function BundleReportDialog({
  report,
  onClose,
}: {
  report: BundleImportReport;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useModal();

  const rows: Array<[string, number]> = [
    ['bundles.report.articlesAdded', report.articles.added],
    ['bundles.report.articlesPresent', report.articles.present],
    ['bundles.report.articlesRefused', report.articles.refused],
    ['bundles.report.annotationsAdded', report.annotations.added],
    ['bundles.report.annotationsUpdated', report.annotations.updated],
    ['bundles.report.annotationsKept', report.annotations.kept],
    ['bundles.report.annotationsUnchanged', report.annotations.unchanged],
    ['bundles.report.tags', report.tags],
    ['bundles.report.collections', report.collections],
  ];

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="bundle-report-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="bundle-report-title">{t('bundles.report.title')}</h2>
      {report.cancelled && <p role="status">{t('bundles.report.cancelled')}</p>}
      {report.machine && (
        <p className="muted">
          {t('bundles.report.from', { machine: report.machine, created: report.created })}
        </p>
      )}
      <dl className="summary-counts">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.refused.length > 0 && (
        <>
          <h3>{t('bundles.report.refusedTitle')}</h3>
          <ul className="failure-list">
            {report.refused.map((r) => (
              <li key={r.id}>{r.reason}</li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        {report.articleIds.length > 0 && (
          <a className="button" href={articleHref(report.articleIds[0])} onClick={onClose}>
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
