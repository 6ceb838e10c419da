import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationImportReport } from '../../../electron/api/contract';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { Icon } from '../app/Icon';
import { formatNumber } from '../app/format';

interface Props {
  /** Called after an import that changed something, to reload what is shown. */
  onImported(): void;
}

/** Import a W3C Web Annotation file (as exported here or by another tool), then say what it did. */
export function ImportAnnotations({ onImported }: Props) {
  const { t, i18n } = useTranslation();
  const { reportError } = useAlerts();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<AnnotationImportReport | null>(null);
  const n = (value: number) => formatNumber(value, i18n.language);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setReport(null);
    try {
      const result = await api.importAnnotations({ content: await file.text() });
      setReport(result);
      if (result.added || result.updated) onImported();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="import-annotations">
      <input
        ref={input}
        type="file"
        accept=".jsonld,.json,application/ld+json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void take(e.target.files?.[0])}
      />
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        <Icon name="upload" />
        {busy ? t('notes.importing') : t('notes.import')}
      </button>
      {report && (
        <div className="import-report" role="status">
          <p>
            {t('notes.importReport', {
              added: n(report.added),
              updated: n(report.updated),
              unchanged: n(report.unchanged),
              orphaned: n(report.orphaned),
            })}
          </p>
          {report.skipped > 0 && (
            <p className="muted small">
              {t('notes.importSkipped', { count: report.skipped, formatted: n(report.skipped) })}
            </p>
          )}
          {report.failed.length > 0 && (
            <details>
              <summary>
                {t('notes.importFailed', {
                  count: report.failed.length,
                  formatted: n(report.failed.length),
                })}
              </summary>
              <ul className="small">
                {report.failed.map((f, i) => (
                  <li key={i}>{f.error}</li>
                ))}
              </ul>
            </details>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.dismiss')}
            onClick={() => setReport(null)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
