import type errorsTr from './errors.tr.json';
import type tr from './tr.json';

// Translation keys are checked at compile time against tr.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof tr & typeof errorsTr };
  }
}
