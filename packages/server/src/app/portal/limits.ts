/** The portal's anti-abuse limits, in one place (docs/citizens.md lists them). */
export const CODE_LENGTH = 6;
export const CODE_TTL_MINUTES = 10;
/** Wrong codes before a code locks for good: 5 tries in a million leave guessing hopeless. */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes to one phone in an hour, whatever the address asking, before each further one costs a proof of work. */
export const FREE_CODES_PER_PHONE = 3;
/** Codes asked from one address in an hour before each further one costs a proof of work. */
export const FREE_CODES_PER_ADDRESS = 10;
/** Requests per address (IP) and window, enforced by the rate limiter on each route. */
export const SUBMISSIONS_PER_IP = { max: 10, timeWindow: '10 minutes' } as const;
export const CONFIRMATIONS_PER_IP = { max: 30, timeWindow: '10 minutes' } as const;
export const SIGN_INS_PER_IP = { max: 10, timeWindow: '10 minutes' } as const;
export const CITIZEN_SESSION_MINUTES = 30;
export const MAX_PHOTOS_PER_REQUEST = 5;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
