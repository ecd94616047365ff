/** The Mobile Solution Bus and field teams: what a team is and where a planned visit stands. */
export const TEAM_KINDS = ['bus', 'field'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** A visit is planned, then done or cancelled; a cancelled visit takes no requests. */
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
