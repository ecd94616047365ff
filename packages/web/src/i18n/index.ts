/**
 * i18next set-up: Turkish by default, English available. The chosen language is remembered in
 * localStorage and mirrored on <html lang>, which also makes CSS uppercase Turkish i → İ right.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import errorsEn from './errors.en.json';
import errorsTr from './errors.tr.json';
import tr from './tr.json';

export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cozum.language';

// The server's error codes and the fields they name have their own catalogue (errors.*.json,
// see server-errors.ts), merged into the one namespace.
export const resources = {
  tr: { translation: { ...tr, ...errorsTr } },
  // `satisfies` makes a key missing from the English catalogues a type error.
  en: { translation: { ...(en satisfies typeof tr), ...(errorsEn satisfies typeof errorsTr) } },
} as const;

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'tr';
  } catch {
    return 'tr'; // storage blocked (private mode, policies): Turkish, not a crash
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered this time; the switch still works
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'tr',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', applyLanguage);

export const currentLanguage = (): Language => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'tr');

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
}

export default i18n;
