import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, supportedLanguages, type Language } from '../i18n';

/** The language switch; its label is bilingual so anyone can find it. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('settings.languageLabel')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {supportedLanguages.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`settings.languageName.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
