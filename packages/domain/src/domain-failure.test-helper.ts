/** For the unit tests: the DomainError a call throws, so a test can read its code and details. */
import { DomainError } from './errors.js';

export function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
