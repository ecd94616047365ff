import { useCallback, useEffect, useState } from 'react';
import { deleteItem, newKey, putItem, queueItems, type QueueItem } from './store';
import { syncQueue, type SyncReport } from './sync';

/** A piece of work as a tab hands it over; the queue gives it its key, time and state. */
export type NewQueueItem = Omit<QueueItem, 'key' | 'createdAt' | 'status'>;
export type Enqueue = (item: NewQueueItem) => Promise<void>;

/**
 * The queue on the tablet as the app shows it, and sending it: `sync` runs the queue and, when
 * something went through, reloads the app's data (`afterSent`), since the server's view changed.
 */
export function useQueue(afterSent: () => Promise<void>) {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [report, setReport] = useState<SyncReport | null>(null);

  const reload = useCallback(() => void queueItems().then(setItems), []);

  const sync = useCallback(async () => {
    setSyncing(true);
    try {
      const result = await syncQueue();
      setReport(result);
      if (result.sent && !result.stopped) await afterSent();
    } finally {
      setSyncing(false);
      reload();
    }
  }, [afterSent, reload]);

  useEffect(() => reload(), [reload]);

  const add = async (item: NewQueueItem) => {
    await putItem({ ...item, key: newKey(), createdAt: new Date().toISOString(), status: 'pending' });
    reload();
  };

  const discard = async (key: string) => {
    await deleteItem(key);
    reload();
  };

  return { items, syncing, report, sync, add, discard };
}
