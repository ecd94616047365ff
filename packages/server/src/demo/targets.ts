/** The totals a simulated year is held to: the city's published figures, scaled, with overrides. */
import { fieldError } from '@cozum/domain';
import { CITY_YEARS, type YearTargets } from './profile.js';

export interface TargetOptions {
  city: string;
  year: number;
  scale: number;
  offered?: number;
  answered?: number;
  instant?: number;
  routed?: number;
}

export const DEMO_CITIES = Object.keys(CITY_YEARS);

/**
 * Defaults: the city's figures for that year (for a year without published figures, the
 * nearest year's), times `scale`. Given totals win; the missing ones follow from them and the
 * default answer rate and instant share.
 */
export function resolveTargets(options: TargetOptions): YearTargets {
  const years = CITY_YEARS[options.city];
  if (!years) throw fieldError('city', 'one_of', `no demo profile for '${options.city}'; known cities: ${DEMO_CITIES.join(', ')}`, { allowed: DEMO_CITIES.join(', ') });
  if (!(options.scale > 0)) throw fieldError('scale', 'minimum', `expected a number above 0, such as 0.01 or 1, not ${options.scale}`, { limit: 0 });
  for (const key of ['offered', 'answered', 'instant', 'routed'] as const) {
    const v = options[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw fieldError(key, 'not_whole_number', `expected a whole number, 0 or more, not ${v}`, { min: 0 });
  }
  const known = Object.keys(years).map(Number);
  const nearest = known.reduce((a, b) => (Math.abs(b - options.year) < Math.abs(a - options.year) || (Math.abs(b - options.year) === Math.abs(a - options.year) && b > a) ? b : a));
  const base = years[nearest]!;
  const instantShare = base.instant / base.answered;

  let { answered, instant, routed } = options;
  if (answered === undefined) answered = instant !== undefined && routed !== undefined ? instant + routed : Math.round(base.answered * options.scale);
  if (instant === undefined && routed === undefined) instant = options.answered === undefined ? Math.round(base.instant * options.scale) : Math.round(answered * instantShare);
  if (instant === undefined) instant = answered - routed!;
  if (routed === undefined) routed = answered - instant;
  if (instant < 0 || routed < 0 || instant + routed !== answered) throw fieldError('routed', 'not_sum', `instant (${instant}) + routed (${routed}) must equal answered (${answered})`, { instant, routed, answered });
  const offered = options.offered ?? Math.round(answered / base.answerRate);
  if (answered > offered) throw fieldError('offered', 'minimum', `offered (${offered}) must be at least answered (${answered})`, { limit: answered });
  return { offered, answered, instant, routed };
}
