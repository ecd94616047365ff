/** Contact-centre KPIs (DESIGN.md section 8 definitions), the limits they count with, and the staffing plan for the week ahead. */
import { Type, type Static } from 'typebox';
import { KPI_BUCKETS, KPI_GROUPS } from '@cozum/domain';
import { Nullable, OneOf } from './common.js';


const Ratio = Nullable(Type.Number());
const Seconds = Type.Integer({ minimum: 0, maximum: 3600 });
export const KpiBucket = OneOf(KPI_BUCKETS);
export type KpiBucket = Static<typeof KpiBucket>;
export const KpiGroup = OneOf(KPI_GROUPS);
export type KpiGroup = Static<typeof KpiGroup>;

/** Dates are days in the city's time zone, `to` included. */
export const KpiQuery = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    /** Default: month. */
    by: Type.Optional(KpiBucket),
    queue: Type.Optional(Type.String({ maxLength: 100 })),
    agent: Type.Optional(Type.String({ maxLength: 100 })),
    group: Type.Optional(KpiGroup),
    /** Default: the settings' T and S (KpiLimits). */
    thresholdSeconds: Type.Optional(Seconds),
    shortAbandonSeconds: Type.Optional(Seconds),
  },
  { additionalProperties: false },
);
export type KpiQuery = Static<typeof KpiQuery>;

export const KpiRow = Type.Object({
  period: Type.String(),
  queue: Type.Optional(Nullable(Type.String({ description: 'with group=queue: the queue (null: none)' }))),
  agent: Type.Optional(Nullable(Type.String({ description: 'with group=agent: the agent (null: contacts no agent took)' }))),
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  shortAbandoned: Type.Integer(),
  answerRate: Ratio,
  serviceLevel: Ratio,
  serviceLevelOfAnswered: Ratio,
  asaSeconds: Ratio,
  ahtSeconds: Ratio,
  longestWaitSeconds: Nullable(Type.Integer()),
  handleSeconds: Type.Number({ description: 'talk + hold + wrap-up of the answered contacts' }),
  staffedSeconds: Nullable(Type.Number({ description: 'logged in and not paused (null per queue or with a queue filter)' })),
  occupancy: Nullable(Type.Number({ description: 'handling time of staffed agents / their staffed time' })),
});
export type KpiRow = Static<typeof KpiRow>;

/** The rows with the T and S they were counted with. */
export const KpiReport = Type.Object({ thresholdSeconds: Type.Integer(), shortAbandonSeconds: Type.Integer(), rows: Type.Array(KpiRow) });
export type KpiReport = Static<typeof KpiReport>;

/** The service-level threshold T and the short-abandon limit S every report counts with. */
export const KpiLimits = Type.Object({ thresholdSeconds: Seconds, shortAbandonSeconds: Seconds }, { additionalProperties: false });
export type KpiLimits = Static<typeof KpiLimits>;

export const StaffingQuery = Type.Object(
  {
    weeks: Type.Integer({ minimum: 1, maximum: 52, default: 4, description: 'whole weeks of history to average' }),
    queue: Type.Optional(Type.String({ maxLength: 100 })),
    ahtSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86400, description: 'default: the measured AHT of the history, else 180' })),
    targetServiceLevel: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.8, description: 'share answered within targetSeconds, e.g. 0.8' }),
    targetSeconds: Type.Integer({ minimum: 0, maximum: 3600, default: 20 }),
    maxOccupancy: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.85 }),
    shrinkage: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.3, description: 'share of paid time off the phones: breaks, training, absence' }),
    patienceSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86400, description: 'mean caller patience: switches to Erlang A' })),
  },
  { additionalProperties: false },
);
export type StaffingQuery = Static<typeof StaffingQuery>;

const Week = Type.Array(Type.Array(Type.Number()), { description: '[weekday 0 = Monday … 6 = Sunday][slot 0 = 00:00–00:30 … 47], the city local time' });

export const StaffingWeek = Type.Object({
  from: Type.String(),
  to: Type.String(),
  weeks: Type.Integer(),
  model: OneOf(['erlang-c', 'erlang-a'] as const),
  ahtSeconds: Type.Number(),
  ahtMeasured: Type.Boolean(),
  arrivals: Week,
  /** On the phones; staffed adds shrinkage. */
  agents: Week,
  staffed: Week,
  serviceLevel: Week,
  staffedHours: Type.Number(),
  peakStaffed: Type.Integer(),
});
export type StaffingWeek = Static<typeof StaffingWeek>;
