import { useState } from 'react';
import { ApiError } from '../api/client';
import { useAction } from './useAction';

export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

/**
 * Form state for the admin modals: values, one error per field (from our own checks or from
 * the server's `details`), the failure to show above the buttons, and a busy flag.
 */
export function useForm<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const { run, busy, failure } = useAction();

  function set<K extends keyof V & string>(field: K, value: V[K]): void {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(validate: (values: V) => FieldErrors<V>, action: (values: V) => Promise<void>): Promise<void> {
    const found = validate(values);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    await run(async () => {
      try {
        await action(values);
      } catch (error) {
        if (error instanceof ApiError) setErrors(serverFieldErrors(error, values));
        throw error;
      }
    });
  }

  // The fields whose server-side problems stand next to their inputs (ErrorAlert leaves them out).
  const fields = Object.keys(initial);

  return { values, set, errors, failure, busy, submit, fields };
}

function serverFieldErrors<V extends object>(error: ApiError, values: V): FieldErrors<V> {
  const errors: Record<string, string> = {};
  for (const field of Object.keys(values)) {
    const message = error.fieldMessage(field);
    if (message) errors[field] = message;
  }
  return errors as FieldErrors<V>;
}
