import { useCallback, useEffect, useState } from 'react';
import { getFieldBootstrap, type FieldBootstrap } from '../../api/field';
import { loadBootstrap, saveBootstrap } from './store';

/**
 * What the app works from (categories, places, surveys, visits, work orders): the copy kept on
 * the tablet at once, then the server's when there is a network. undefined while loading; null
 * when there is neither.
 */
export function useBootstrap() {
  const [data, setData] = useState<FieldBootstrap | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const fresh = await getFieldBootstrap();
      await saveBootstrap(fresh);
      setData(fresh);
    } catch {
      setData((current) => current ?? null);
    }
  }, []);

  useEffect(() => {
    void loadBootstrap().then((stored) => {
      if (stored) setData(stored);
      if (navigator.onLine) void refresh();
      else if (!stored) setData(null);
    });
  }, [refresh]);

  return { data, refresh };
}
