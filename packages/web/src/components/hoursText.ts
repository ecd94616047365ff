import type { TFunction } from 'i18next';

/** A resolution time for people: hours under two days, days beyond. */
export function hoursText(h: number | null, t: TFunction): string {
  if (h === null) return '—';
  return h < 48 ? t('reports.hours', { n: h.toFixed(1) }) : t('reports.days', { n: (h / 24).toFixed(1) });
}
