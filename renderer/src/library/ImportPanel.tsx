import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../app/Icon';
import { IMPORT_EXTENSIONS } from '../../../electron/api/formats';
import { useImport } from './ImportContext';

const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** The file picker for imports; dropping files anywhere on the window works too. */
export function ImportPanel() {
  const { t } = useTranslation();
  const { importFiles, running } = useImport();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('library.importTitle')}</h2>
      <p className="muted">{t('library.importHelp')}</p>
      <div className="import-actions">
        <label htmlFor={inputId} className="button primary file-button">
          <Icon name="upload" />
          {t('library.chooseFiles')}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="visually-hidden-input"
          type="file"
          multiple
          accept={ACCEPT}
          disabled={running}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void importFiles(files);
          }}
        />
        <span className="muted">{t('library.orDrop')}</span>
      </div>
    </section>
  );
}
