/** All the strings, in both languages: the staff app's. */
import en from './en.json';
import errorsEn from './errors.en.json';
import errorsTr from './errors.tr.json';
import tr from './tr.json';

// The server's error codes and the fields they name have their own catalogue (errors.*.json,
// see server-errors.ts), merged into the one namespace.
export const resources = {
  tr: { translation: { ...tr, ...errorsTr } },
  // `satisfies` makes a key missing from the English catalogues a type error.
  en: { translation: { ...(en satisfies typeof tr), ...(errorsEn satisfies typeof errorsTr) } },
} as const;
