/**
 * Look-ups that arrive while one is in flight are gathered into the next single query: alone,
 * a look-up runs at once; under load, one query answers everything that queued meanwhile.
 * Each caller gets its own answer, or the error of the query that carried it.
 */
export class BatchLoader<K, V> {
  private pending = new Map<K, { resolve(value: V): void; reject(error: unknown): void }[]>();
  private inFlight = false;

  constructor(
    private readonly load: (keys: K[]) => Promise<Map<K, V>>,
    private readonly fallback: V,
    private readonly maxBatch = 256,
  ) {}

  get(key: K): Promise<V> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.pending.size) return;
    const keys = [...this.pending.keys()].slice(0, this.maxBatch);
    const waiters = keys.map((key) => {
      const w = this.pending.get(key)!;
      this.pending.delete(key);
      return w;
    });
    this.inFlight = true;
    this.load(keys)
      .then(
        (found) => keys.forEach((key, n) => waiters[n]!.forEach((w) => w.resolve(found.has(key) ? found.get(key)! : this.fallback))),
        (error: unknown) => waiters.forEach((ws) => ws.forEach((w) => w.reject(error))),
      )
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }
}
