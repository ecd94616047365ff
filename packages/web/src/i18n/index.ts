/**
 * i18next set-up: Turkish by default, English available. The chosen language is remembered in
 * localStorage and mirrored on <html lang>, which also makes CSS uppercase Turkish i → İ right.
 * Each entry starts it with its strings: the staff app (main.tsx) with all of tr.json and
 * en.json (catalogue.ts), the citizens' pages (portal-main.tsx) with their part (citizen.ts).
 */
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cozum.language';

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

/** Before the first render: the strings are at hand, so it is ready at once. */
export function startI18n(resources: Resource): void {
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
}

export const currentLanguage = (): Language => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'tr');

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
}

export default i18n;
