/** All the strings, in both languages: the staff app's. */
import en from './en.json';
import tr from './tr.json';

export const resources = {
  tr: { translation: tr },
  // `satisfies` makes a key missing from en.json a type error.
  en: { translation: en satisfies typeof tr },
} as const;
