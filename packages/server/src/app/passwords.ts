import { hash, verify } from '@node-rs/argon2';
import { fieldError } from '@cozum/domain';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function checkPasswordRules(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw fieldError(field, 'min_length', `must be at least ${MIN_PASSWORD_LENGTH} characters`, { limit: MIN_PASSWORD_LENGTH });
  if (password.length > 200) throw fieldError(field, 'max_length', 'must be at most 200 characters', { limit: 200 });
}

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the user does not exist keeps the timing the same. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-0'));
