import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { asError } from './useAction';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `deps` change and keeps the last answer. An answer that arrives after a
 * newer request started is dropped, so a slow search never overwrites a faster later one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(asError(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; the caller's deps say when it changes.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload };
}
