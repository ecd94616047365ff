/**
 * The strings of the citizens' pages (portal-main.tsx): the parts of tr.json and en.json they
 * show, a fifth of the whole, and the server's error catalogue (errors.*.json), so a phone does not load the staff app's strings.
 * citizen.test.ts fails when one of those pages uses a part not listed here.
 */
import * as en from './en.json?parts';
import errorsEn from './errors.en.json';
import errorsTr from './errors.tr.json';
import * as tr from './tr.json?parts';

export const resources = {
  tr: { translation: { app: tr.app, language: tr.language, common: tr.common, errors: tr.errors, status: tr.status, portal: tr.portal, surveys: tr.surveys, calendar: tr.calendar, action: tr.action, roles: tr.roles, ...errorsTr } },
  en: { translation: { app: en.app, language: en.language, common: en.common, errors: en.errors, status: en.status, portal: en.portal, surveys: en.surveys, calendar: en.calendar, action: en.action, roles: en.roles, ...errorsEn } },
};
