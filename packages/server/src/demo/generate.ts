/**
 * Simulates a year of calls and the requests they create, as rows ready for COPY (text
 * format: tab-separated, \N for null). Pure: the same reference, targets and seed give the
 * same rows. Totals hit the targets exactly: each of the `offered` calls draws its hour from
 * the year's shape, and which calls are answered and which routed is chosen by selection
 * sampling (Knuth's algorithm S), which picks exactly k of n.
 */
import { isoWeekday, localParts, startOfLocalDate, type LocalParts } from '@cozum/domain';
import { seededRandom, weightedPicker, type Random } from './random.js';
import { HOLIDAY_FACTOR, HOUR_WEIGHTS, MONTH_WEIGHTS, TOPIC_SHARES, WEEKDAY_WEIGHTS, type YearTargets } from './profile.js';

export interface DemoCategory {
  id: number;
  code: string;
  nameTr: string;
  requestType: string;
  unitId: number;
  slaHours: number;
  slaBusinessHours: boolean;
}

export interface DemoPlace {
  districtId: number;
  neighbourhoodId: number;
  name: string;
  population: number | null;
}

export interface DemoReference {
  categories: DemoCategory[];
  places: DemoPlace[];
  /** Public holidays of the year: ISO date → half day. */
  holidays: Map<string, boolean>;
}

export interface DemoPlan {
  year: number;
  /** The city's IANA time zone: the year, its days and hours are local ones. */
  timeZone: string;
  seed: number;
  targets: YearTargets;
  /** First id and tracking sequence reserved for the year's requests. */
  firstRequestId: number;
  firstTrackingSeq: number;
  /**
   * The part of the year to simulate (calls arrive from `from` until `to`) and the moment its
   * state is shown (`asOf`, not before `to`): a request whose handling would end later is
   * still open then, and ratings and closures come only before it. Default: the whole year,
   * as of its end.
   */
  span?: { from: Date; to: Date; asOf: Date };
  /** Contacts per chunk. */
  chunkSize?: number;
}

export interface DemoChunk {
  contacts: string[];
  requests: string[];
  ratings: string[];
  /** Contacts written so far, this chunk included. */
  done: number;
}

export const CONTACT_COLUMNS = ['channel', 'queue', 'external_id', 'agent_name', 'offered_at', 'answered_at', 'ended_at', 'wait_seconds', 'talk_seconds', 'wrap_seconds', 'exit_reason', 'outcome', 'request_id'];
export const REQUEST_COLUMNS = ['id', 'tracking_no', 'request_type', 'category_id', 'status', 'channel', 'description', 'district_id', 'neighbourhood_id', 'unit_id', 'routed_by', 'due_at', 'overdue_at', 'resolved_at', 'closed_at', 'resolution', 'referred_to', 'created_at', 'updated_at'];
export const RATING_COLUMNS = ['request_id', 'score', 'channel', 'created_at'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const N = '\\N';

export const yearStart = (year: number, zone: string) => startOfLocalDate(`${year}-01-01`, zone);

/** An hour of the simulated span: its start, its length (the span's last hour may be cut short) and its wall-clock reading. */
interface HourSlot {
  start: number;
  length: number;
  local: LocalParts;
}

const yearSlotCache = new Map<string, HourSlot[]>();

/** The local hours of a year, in order (a year with a clock change has one hour less or more); kept, as reading the clock of each hour is slow. */
function yearSlots(year: number, zone: string): HourSlot[] {
  const key = `${zone} ${year}`;
  let slots = yearSlotCache.get(key);
  if (!slots) {
    slots = [];
    const end = yearStart(year + 1, zone).getTime();
    for (let t = yearStart(year, zone).getTime(); t < end; t += HOUR) slots.push({ start: t, length: HOUR, local: localParts(new Date(t), zone) });
    if (yearSlotCache.size >= 8) yearSlotCache.clear();
    yearSlotCache.set(key, slots);
  }
  return slots;
}

/** The year's hours that start from `from` (the start of a local hour) until `to`, the last one cut short at `to`. */
function hourSlots(year: number, from: number, to: number, zone: string): HourSlot[] {
  return yearSlots(year, zone)
    .filter((slot) => slot.start >= from && slot.start < to)
    .map((slot) => (slot.start + HOUR > to ? { ...slot, length: to - slot.start } : slot));
}

/** How many calls each hour draws, relative to the others: weekday, month, holiday and hour of day. */
function hourWeights(slots: HourSlot[], holidays: Map<string, boolean>): number[] {
  return slots.map(({ length, local }) => {
    const date = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
    const weekday = isoWeekday(date) - 1;
    const half = holidays.get(date);
    const holiday = half === undefined ? 1 : half ? (1 + HOLIDAY_FACTOR) / 2 : HOLIDAY_FACTOR;
    return WEEKDAY_WEIGHTS[weekday]! * MONTH_WEIGHTS[local.month - 1]! * holiday * HOUR_WEIGHTS[local.hour]! * (length / HOUR);
  });
}

/** Calls per slot, adding up to exactly `offered`. */
function arrivals(weights: number[], offered: number, random: Random): number[] {
  // Each call draws its hour, so a small year still has calls at night and at weekends
  // (apportioning would hand a small total to the busiest hours only).
  const counts = new Array<number>(weights.length).fill(0);
  const pick = weightedPicker(weights);
  for (let i = 0; i < offered; i++) counts[pick(random)]!++;
  return counts;
}

/** Calls per hour of the year (local hours, in order), adding up to exactly `offered`. */
export function hourlyArrivals(year: number, offered: number, holidays: Map<string, boolean>, random: Random, zone: string): number[] {
  return arrivals(hourWeights(yearSlots(year, zone), holidays), offered, random);
}

/**
 * The share of a year's calls that arrive between `from` and `to` (both within the year), by
 * the same weights the simulation draws with: the part of a year's totals that span carries.
 */
export function shareOfYear(year: number, span: { from: Date; to: Date }, holidays: Map<string, boolean>, zone: string): number {
  const sum = (slots: HourSlot[]) => hourWeights(slots, holidays).reduce((a, b) => a + b, 0);
  return sum(hourSlots(year, span.from.getTime(), span.to.getTime(), zone)) / sum(yearSlots(year, zone));
}

const iso = (ms: number) => new Date(ms).toISOString();

const MAX_TALK_SECONDS = 45 * 60;

/**
 * What an open request is doing at asOf, by the share of its handling time gone: in its first
 * fifth it waits in the unit's inbox (new), later it is more and more likely being worked.
 */
const openStatus = (elapsed: number, draw: number): string => (elapsed < 0.2 ? 'new' : draw < elapsed ? 'in_progress' : 'assigned');

const pickScore = (random: Random, onTime: boolean): number => {
  const weights = onTime ? [3, 4, 10, 33, 50] : [15, 15, 25, 25, 20];
  let x = random.next() * 100;
  for (let i = 0; i < 5; i++) if ((x -= weights[i]!) < 0) return i + 1;
  return 5;
};

export function* generateYear(reference: DemoReference, plan: DemoPlan): Generator<DemoChunk> {
  const { year, targets } = plan;
  if (targets.instant + targets.routed !== targets.answered || targets.answered > targets.offered) throw new Error('demo targets: instant + routed must equal answered, and answered must not exceed offered');
  const random = seededRandom(plan.seed * 7919 + year);
  const chunkSize = plan.chunkSize ?? 20_000;
  const from = plan.span?.from.getTime() ?? yearStart(year, plan.timeZone).getTime();
  const end = plan.span?.to.getTime() ?? yearStart(year + 1, plan.timeZone).getTime();
  const asOf = Math.max(end, plan.span?.asOf.getTime() ?? end);
  const localHours = hourSlots(year, from, end, plan.timeZone);

  const byCode = new Map(reference.categories.map((c) => [c.code, c]));
  const topics = TOPIC_SHARES.filter((t) => byCode.has(t.code));
  if (!topics.length) throw new Error('demo: none of the demo topics exists among the categories');
  // One picker per month, so seasonal topics appear only in their season.
  const topicPickers = Array.from({ length: 12 }, (_, m) => weightedPicker(topics.map((t) => (!t.months || t.months.includes(m + 1) ? t.share : 0))));
  const placePicker = weightedPicker(reference.places.map((p) => p.population ?? 100));
  // Each unit works at its own pace: its median resolution time is this share of the SLA.
  const paceRandom = seededRandom(plan.seed + 153);
  const pace = new Map<number, number>();
  for (const unitId of [...new Set(reference.categories.map((c) => c.unitId))].sort((a, b) => a - b)) pace.set(unitId, 0.3 + 0.9 * paceRandom.next());

  const hours = arrivals(hourWeights(localHours, reference.holidays), targets.offered, random);
  let seen = 0;
  let answeredLeft = targets.answered;
  let answeredSeen = 0;
  let routedLeft = targets.routed;
  let requestIndex = 0;
  let chunk: DemoChunk = { contacts: [], requests: [], ratings: [], done: 0 };

  for (let h = 0; h < hours.length; h++) {
    const count = hours[h]!;
    if (!count) continue;
    const { start: hourStart, length, local } = localHours[h]!;
    const month = local.month - 1;
    const offsets = Array.from({ length: count }, () => random.next() * length).sort((a, b) => a - b);
    for (const offset of offsets) {
      const offeredAt = Math.floor(hourStart + offset);
      const externalId = `demo-${year}-${seen + 1}`;
      // Algorithm S: answer this call with probability (answers still to give) / (calls still to come).
      const answered = random.next() * (targets.offered - seen) < answeredLeft;
      seen++;
      if (!answered) {
        const wait = Math.max(1, Math.round(random.exponential(45)));
        chunk.contacts.push(['phone', 'alo153', externalId, N, iso(offeredAt), N, iso(offeredAt + wait * 1000), wait, N, 0, 'abandoned', 'abandoned', N].join('\t'));
      } else {
        answeredLeft--;
        const routed = random.next() * (targets.answered - answeredSeen) < routedLeft;
        answeredSeen++;
        const wait = Math.min(600, Math.round(random.exponential(18)));
        // No call is talked through for more than 45 minutes (with the wait, a call is over within the hour).
        const talk = Math.min(MAX_TALK_SECONDS, Math.max(15, Math.round(routed ? random.logNormal(210, 0.45) : random.logNormal(95, 0.5))));
        const wrap = routed ? 30 + random.int(40) : 5 + random.int(12);
        const answeredAt = offeredAt + wait * 1000;
        const endedAt = answeredAt + talk * 1000;
        const agent = `T${String(1 + random.int(60)).padStart(2, '0')}`;
        let requestId: string = N;
        if (routed) {
          routedLeft--;
          const id = plan.firstRequestId + requestIndex;
          const trackingNo = `${year}-${String(plan.firstTrackingSeq + requestIndex).padStart(7, '0')}`;
          requestIndex++;
          requestId = String(id);
          const category = byCode.get(topics[topicPickers[month]!(random)]!.code)!;
          const place = reference.places[placePicker(random)]!;
          // Business-hour SLAs run about a third of the clock (8 of 24 hours).
          const slaHours = category.slaBusinessHours ? category.slaHours * 3 : category.slaHours;
          // Recorded as the call ends, within the span even for a call that crosses midnight on 31 December.
          const createdAt = Math.min(endedAt, end - 1000);
          const dueAt = createdAt + slaHours * HOUR;
          const took = Math.max(0.1, random.logNormal(slaHours * pace.get(category.unitId)!, 0.9)) * HOUR;
          const fate = random.next();
          let status: string;
          let resolvedAt: number | null = null;
          let closedAt: number | null = null;
          let resolution: string = N;
          let referredTo: string = N;
          if (createdAt + took >= asOf) status = openStatus((asOf - createdAt) / took, random.next());
          else if (fate < 0.025) {
            status = 'referred';
            closedAt = createdAt + took;
            referredTo = 'İlgili kurum';
          } else if (fate < 0.04) {
            status = 'rejected';
            closedAt = createdAt + took;
            resolution = 'Belediyenin görev alanı dışında.';
          } else {
            resolvedAt = createdAt + took;
            closedAt = resolvedAt + 3 * DAY < asOf ? resolvedAt + 3 * DAY : null;
            status = closedAt ? 'closed' : 'resolved';
            resolution = 'Yerinde incelendi, gereği yapıldı.';
          }
          const finished = resolvedAt ?? closedAt;
          // Overdue from its deadline on, when that passed before it was finished and before asOf.
          const overdueAt = (finished ?? Infinity) > dueAt && dueAt < asOf ? iso(dueAt) : N;
          const updatedAt = closedAt ?? resolvedAt ?? createdAt;
          chunk.requests.push([id, trackingNo, category.requestType, category.id, status, 'phone', `${category.nameTr}: ${place.name}`, place.districtId, place.neighbourhoodId, category.unitId, 'category_default', iso(dueAt), overdueAt, resolvedAt ? iso(resolvedAt) : N, closedAt ? iso(closedAt) : N, resolution, referredTo, iso(createdAt), iso(updatedAt)].join('\t'));
          // About one in seven solved requests gets a satisfaction answer, the day after (if that day has come).
          if (resolvedAt && random.next() < 0.15) {
            const score = pickScore(random, resolvedAt <= dueAt);
            if (resolvedAt + DAY <= asOf) chunk.ratings.push([id, score, 'import', iso(resolvedAt + DAY)].join('\t'));
          }
        }
        chunk.contacts.push(['phone', 'alo153', externalId, agent, iso(offeredAt), iso(answeredAt), iso(endedAt), wait, talk, wrap, 'answered', routed ? 'request_created' : 'information_given', requestId].join('\t'));
      }
      if (chunk.contacts.length >= chunkSize) {
        chunk.done = seen;
        yield chunk;
        chunk = { contacts: [], requests: [], ratings: [], done: seen };
      }
    }
  }
  if (chunk.contacts.length) {
    chunk.done = seen;
    yield chunk;
  }
}
