import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { Icon } from '../app/Icon';
import { useFacets } from '../library/useFacets';
import { downloadText } from './download';
import { takeExportFocus } from './exportMenu';

type Format = 'markdown' | 'w3c' | 'csv';
const FORMATS: Format[] = ['markdown', 'w3c', 'csv'];
/** The value of "every note" in the scope list (collection names are never empty). */
const ALL = '';

/**
 * Export notes as Markdown, W3C Web Annotations (JSON-LD) or CSV, as a download: all of them or
 * those of one collection.
 */
export function ExportControls() {
  const { t } = useTranslation();
  const { reportError, notify } = useAlerts();
  const { facets } = useFacets();
  const [format, setFormat] = useState<Format>('markdown');
  const [collection, setCollection] = useState(ALL);
  const [busy, setBusy] = useState(false);
  const formatId = useId();
  const scopeId = useId();
  const collections = facets.collections.map((f) => f.value);
  const formatRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (takeExportFocus()) formatRef.current?.focus();
  }, []);

  const run = async () => {
    setBusy(true);
    try {
      const file = await api.exportAnnotations({
        format,
        collection: collection === ALL ? undefined : collection,
      });
      downloadText(file.filename, file.mime, file.content);
      notify(t('notes.exported', { filename: file.filename }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-controls">
      <label htmlFor={formatId}>{t('notes.exportFormat')}</label>
      <select
        id={formatId}
        ref={formatRef}
        value={format}
        onChange={(e) => setFormat(e.target.value as Format)}
      >
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`notes.formats.${f}`)}
          </option>
        ))}
      </select>
      {collections.length > 0 && (
        <>
          <label htmlFor={scopeId}>{t('notes.exportScope')}</label>
          <select id={scopeId} value={collection} onChange={(e) => setCollection(e.target.value)}>
            <option value={ALL}>{t('notes.allNotes')}</option>
            {collections.map((c) => (
              <option key={c} value={c}>
                {t('notes.collectionNamed', { name: c })}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="button" className="button primary" disabled={busy} onClick={() => void run()}>
        <Icon name="download" />
        {busy ? t('notes.exporting') : t('notes.export')}
      </button>
    </div>
  );
}
