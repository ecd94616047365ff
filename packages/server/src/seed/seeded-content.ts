/**
 * The seed's ledger (table `seeded_content`, migration 0018): what the seed puts in once is
 * claimed under a stable key in the same transaction, and a claimed key is never seeded again.
 * So an administrator's later edit or deletion stays, and two processes starting together on
 * one database claim each key once (the second waits on the first's row, then skips it).
 */
import type { Executor } from '../db/client.js';
import { seededContent } from '../db/schema.js';

/** Claims the keys not claimed before; answers those, which the caller now seeds. */
export async function claimSeedKeys(ex: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await ex
    .insert(seededContent)
    .values(keys.map((key) => ({ key })))
    .onConflictDoNothing()
    .returning({ key: seededContent.key });
  return new Set(rows.map((row) => row.key));
}
