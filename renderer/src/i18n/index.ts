import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';
import en from './en.json';
import { loadJson, saveJson, storageKeys } from '../settings/storage';
import { pickLanguage, type Language } from './language';

export { supportedLanguages, type Language } from './language';

const initial = pickLanguage(
  loadJson<unknown>(storageKeys.language, null),
  typeof navigator !== 'undefined' ? navigator.language : undefined,
);

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('app.title');
}

applyLanguage(initial);
i18next.on('languageChanged', applyLanguage);

export function setLanguage(lang: Language): void {
  saveJson(storageKeys.language, lang);
  void i18next.changeLanguage(lang);
}

export default i18next;
