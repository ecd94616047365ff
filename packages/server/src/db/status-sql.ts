/**
 * A set of request statuses from the domain (lifecycle.ts) as a SQL list, `('new','assigned')`,
 * for `status in …`. Written out rather than bound as parameters so a query still matches the
 * partial indexes whose predicate names the same set (requests_due_open_idx).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RequestStatus } from '@cozum/domain';

export function statusList(statuses: readonly RequestStatus[]): SQL {
  // The names are the domain's constants; the check keeps anything else out of raw SQL.
  for (const status of statuses) if (!/^[a-z_]+$/.test(status)) throw new Error(`'${status}' is not a request status`);
  return sql.raw(`(${statuses.map((status) => `'${status}'`).join(',')})`);
}
