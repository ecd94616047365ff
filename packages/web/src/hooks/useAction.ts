import { useState } from 'react';
import { ApiError } from '../api/client';

/** What a rejected promise gave, as an Error for ErrorAlert. */
export const asError = (thrown: unknown): Error => (thrown instanceof Error ? thrown : new Error(String(thrown)));

/**
 * One user action at a time (a click, a form sent): busy while it runs, and its failure kept
 * to show until the next try, with the server's word on each field it names. `run` never
 * throws, so a handler may call `void run(...)`.
 * With `Tag` (say, the request action or agent state clicked) `running` says which one runs,
 * for the spinner on its own button.
 */
export function useAction<Tag = true>() {
  const [running, setRunning] = useState<Tag | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  async function run(work: () => Promise<void>, ...tag: [Tag] extends [true] ? [] : [Tag]): Promise<void> {
    setRunning((tag.length ? tag[0] : true) as Tag);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(asError(error));
    } finally {
      setRunning(null);
    }
  }

  const fieldError = (field: string) => (failure instanceof ApiError ? failure.fieldMessage(field) : undefined);

  return { run, busy: running !== null, running, failure, setFailure, fieldError };
}
