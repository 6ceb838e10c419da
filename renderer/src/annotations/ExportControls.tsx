import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAlerts } from '../app/AlertContext';
import { Icon } from '../app/Icon';
import { downloadText } from './download';

type Format = 'markdown' | 'json' | 'csv';
const FORMATS: Format[] = ['markdown', 'json', 'csv'];

/** Export every annotation as Markdown, JSON (W3C Web Annotations) or CSV, as a download. */
export function ExportControls() {
  const { t } = useTranslation();
  const { reportError, notify } = useAlerts();
  const [format, setFormat] = useState<Format>('markdown');
  const [busy, setBusy] = useState(false);
  const id = useId();

  const run = async () => {
    setBusy(true);
    try {
      const file = await api.exportAnnotations({ format });
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
      <label htmlFor={id}>{t('notes.exportFormat')}</label>
      <select id={id} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`notes.formats.${f}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button primary" disabled={busy} onClick={() => void run()}>
        <Icon name="download" />
        {busy ? t('notes.exporting') : t('notes.export')}
      </button>
    </div>
  );
}
