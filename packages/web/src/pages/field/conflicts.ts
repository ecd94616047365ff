/** What a conflict means for the person holding the tablet; the server's message follows it. */
const CONFLICT_KINDS: Record<string, 'closedMeanwhile' | 'changedMeanwhile' | 'notYours' | 'surveyClosed' | 'invalid'> = {
  'request.invalid_transition': 'closedMeanwhile',
  'request.version_conflict': 'changedMeanwhile',
  'request.forbidden': 'notYours',
  'survey.closed': 'surveyClosed',
  validation_failed: 'invalid',
};

/** The kind of a refusal, by the server's error code; 'other' for a code the app does not explain. */
export const conflictKind = (code: string | undefined) => CONFLICT_KINDS[code ?? ''] ?? 'other';
