/**
 * The PostgreSQL advisory lock keys the server takes, in one list so no two uses share a key.
 * Session locks are held across statements (migrations); transaction locks end with the
 * transaction that took them.
 */
export const ADVISORY_LOCKS = {
  /** Per citizen phone / TC kimlik no (second key: its hash): one citizen row per person. */
  citizens: 153_001,
  /** One retention run at a time. */
  retention: 153_006,
  /** One satisfaction-survey invitation pass at a time. */
  surveyInvitations: 153_007,
  /** Migrating the schema (a session lock around the whole run). */
  migrations: 315_315,
  /** Writing the city's time zone and re-counting the reports that depend on it. */
  cityTimeZone: 315_316,
} as const;
