/** What a reliability test starts (databases, processes, sinks), undone after the file's tests. */
import { afterAll } from 'vitest';

/**
 * A list to push each undo on as soon as the thing exists; after the file's tests they run newest
 * first, each whatever the others did, so a failed test leaves no process or database behind.
 */
export function useCleanups(): (() => Promise<void>)[] {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });
  return cleanups;
}
