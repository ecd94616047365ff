import { cityTimeZone } from './clock';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'tr-TR');

/** Dates as staff read them: the city's time, day first ("28.11.2026 14:05"). */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale(language), { dateStyle: 'short', timeStyle: 'short', timeZone: cityTimeZone() });
}

/**
 * A day as staff read it: "29.10.2026" in Turkish, "29/10/2026" in English. Takes a calendar
 * date (YYYY-MM-DD, shown as is) or an instant (shown as the city's day).
 */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  if (isIsoDate(iso)) {
    const [y, m, d] = iso.split('-');
    return language === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: cityTimeZone() });
}

/** The display pattern of a typed date in dayjs's notation, for the date inputs. */
export const dateInputFormat = (language: string): string => (language === 'en' ? 'DD/MM/YYYY' : 'DD.MM.YYYY');

/** A calendar date as the API's filters take it (YYYY-MM-DD), checked for real days. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * A typed day to the API's YYYY-MM-DD: day first as both languages show it ("29.10.2026",
 * "29/10/2026", "29-10-2026", one-digit days and months too) or already ISO ("2026-10-29").
 * Days that do not exist (31.02.2026) and two-digit years give null.
 */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
