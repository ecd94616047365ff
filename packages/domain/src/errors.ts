/**
 * Domain errors carry a stable code and never an HTTP status: the HTTP layer maps codes to
 * statuses in one place. `details` names the offending fields so clients can point at them.
 *
 * Each code (the error's and each detail's) comes with `params`, the values its message
 * names, so a client shows the message in its user's language from its own catalogue; the
 * English `message` is for operators, the API and the CLI.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_credentials'
  | 'totp_required'
  | 'totp_invalid'
  | 'rate_limited'
  | 'csrf_required'
  | `${string}.${string}`;

/**
 * Values a message names: a limit, a tracking number, a date. A `reason` param tells which of
 * a code's cases applies (`not_tckn` with `{ reason: 'checksum' }`): a catalogue may have a
 * text for each case (the web app's `not_tckn_checksum`) and the code's own text for the rest.
 */
export type ErrorParams = Record<string, string | number>;

/**
 * What can be wrong with one field. A client's catalogue has a message for each (the web
 * app's tests hold that it has), written to stand next to the field: "is required", not
 * "the phone is required".
 */
export const VALIDATION_CODES = [
  // from the schemas (the HTTP layer maps each JSON-schema keyword to one of these)
  'required', // nothing given
  'type', // { type }: a number where text was expected, …
  'one_of', // { allowed }: not one of the listed values
  'min_length', // { limit }
  'max_length', // { limit }
  'pattern', // the wrong shape
  'format', // { format }: not a date, an e-mail, …
  'minimum', // { limit }
  'maximum', // { limit }
  'min_items', // { limit }
  'max_items', // { limit }
  'unknown_field', // { name }: a field the route does not take
  'invalid', // the value cannot be used (no more specific code applies)
  // from the domain
  'not_phone', // { value }: not a phone number
  'not_email', // not an e-mail address
  'not_tckn', // { reason }: not a valid TC kimlik no (reason: length, digits, leading_zero, checksum)
  'not_date', // { value }: not a date
  'in_future', // a time later than now
  'too_old', // { days }: more than days ago
  'not_found', // { id }: refers to a record that does not exist
  'inactive', // refers to a record that is no longer active
  'taken', // { value }: already used by another record
  'before_start', // an end before its start
  // sign-in, users, units, the calendar, requests, the portal and the contact centre
  'wrong_code', // { left? }: not the current one-time code
  'not_username', // not 3 to 64 letters, digits, dots, dashes or underscores
  'required_for_role', // { role }: this role needs it (a unit for unit staff)
  'not_code', // not lower-case letters and digits joined by dashes
  'cycle', // would make a record its own ancestor
  'not_time', // not a time of day (HH:MM)
  'not_weekday', // not a day 1 (Monday) to 7 (Sunday)
  'overlaps', // overlaps the interval before it
  'no_working_hours', // no working interval in the whole week
  'not_in_unit', // { name }: the person does not work in the request's unit
  'same_unit', // the unit the request is already in
  'self_reference', // refers to the record itself
  'empty', // an empty file
  'too_large', // { limit }: a file larger than limit MB
  'not_file_type', // { allowed }: a kind of file not accepted here
  'too_many_files', // { limit }
  'not_in_district', // { neighbourhood, district }: a neighbourhood of another district
  'both_or_neither', // { other }: latitude without longitude, or the reverse
  'needs_contact', // { reason }: a way to reach the applicant is needed (anonymous, information, follower)
  'not_tracking_number', // not a tracking number like 2026-0000123
  'pin_elsewhere', // { district }: the map pin lies in another district
  'not_mobile', // not a mobile phone number
  'outdated', // the text agreed to has changed since the page was opened
  'outside_city', // a point outside the city's districts
  'article_or_notes', // name the knowledge-base article used, or write what the caller was told
  'out_of_order', // an event older than what is already recorded
  // field work, surveys, privacy, categories and the contact-centre settings
  'cancelled', // { place, date }: a visit that was cancelled
  'not_in_team', // { team, place }: a visit of a team the user is not in
  'not_field_role', // { name, role }: a user whose role does not go out in field teams
  'campaigns_only', // only campaign surveys take this (districts, links)
  'satisfaction_only', // only the satisfaction survey takes this (a request)
  'unchangeable', // { value }: fixed once made (a survey's kind)
  'not_targeted', // { survey }: a district the survey is not asked in
  'anonymised', // the person was anonymised
  'not_whole_number', // { min }: not a whole number, min or more
  'not_whole_in_range', // { min, max }: not a whole number from min to max
  'needs_fallback', // a mapping without its fallback entry "*"
  'not_sum', // { instant, routed, answered }: the parts do not add up to the whole
  'unknown_placeholder', // { placeholders, allowed }: a template placeholder that does not exist
  'choices_only', // only choice questions have choices
  'not_scale', // { min, max }: not two whole numbers from min to max, the lower first
  'not_overall_scale', // the overall score must be a 1 to 5 scale question
  'one_overall', // { count }: a satisfaction survey needs exactly one overall score question
  'no_overall', // only satisfaction surveys have an overall score question
  'duplicate', // given twice
  'one_choice', // takes exactly one choice
  'always_sent', // { event }: an event sent on every channel, not to be chosen
  'never_public', // { type }: a request type about one person, never published
  'not_month', // { value }: not a month as YYYY-MM (a report's period runs over whole months)
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ErrorDetail {
  field?: string;
  code?: ValidationCode;
  params?: ErrorParams;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly params?: ErrorParams;
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], params?: ErrorParams) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.params = params;
  }
}

/** One field is wrong: its code and params for the client's catalogue, the message in English. */
export const fieldError = (field: string, code: ValidationCode, message: string, params?: ErrorParams): DomainError =>
  new DomainError('validation_failed', `${field}: ${message}`, [params ? { field, code, params, message } : { field, code, message }]);

export const notFound = (what: string, id: string | number): DomainError =>
  new DomainError('not_found', `${what} '${id}' was not found`, undefined, { what, id });
