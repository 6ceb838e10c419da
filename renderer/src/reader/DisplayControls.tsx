import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplay } from '../settings/DisplayContext';
import { lineWidths, stepFontSize, themes, type LineWidth, type Theme } from '../settings/display';

/** Font size, line width and theme for reading. */
export function DisplayControls() {
  const { t } = useTranslation();
  const { display, update } = useDisplay();
  const widthId = useId();
  const themeId = useId();
  return (
    <div className="display-controls" role="group" aria-label={t('display.group')}>
      <div className="button-group" role="group" aria-label={t('display.fontSize')}>
        <button
          type="button"
          className="icon-button"
          aria-label={t('display.smaller')}
          title={t('display.smaller')}
          onClick={() => update({ fontSize: stepFontSize(display.fontSize, -1) })}
        >
          <span aria-hidden="true" className="small-a">
            A
          </span>
        </button>
        <span className="font-size-value" aria-live="polite">
          {display.fontSize}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('display.larger')}
          title={t('display.larger')}
          onClick={() => update({ fontSize: stepFontSize(display.fontSize, 1) })}
        >
          <span aria-hidden="true" className="large-a">
            A
          </span>
        </button>
      </div>
      <label htmlFor={widthId} className="visually-hidden">
        {t('display.lineWidth')}
      </label>
      <select
        id={widthId}
        value={display.lineWidth}
        title={t('display.lineWidth')}
        onChange={(e) => update({ lineWidth: e.target.value as LineWidth })}
      >
        {lineWidths.map((w) => (
          <option key={w} value={w}>
            {t(`display.width.${w}`)}
          </option>
        ))}
      </select>
      <label htmlFor={themeId} className="visually-hidden">
        {t('display.theme')}
      </label>
      <select
        id={themeId}
        value={display.theme}
        title={t('display.theme')}
        onChange={(e) => update({ theme: e.target.value as Theme })}
      >
        {themes.map((th) => (
          <option key={th} value={th}>
            {t(`display.themes.${th}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
