/**
 * One demo account per role, for trying the product on a laptop. Created by `npm start` on
 * PGlite, never with DATABASE_URL unless DEMO_ACCOUNTS=true asks for it.
 */
import { eq, sql } from 'drizzle-orm';
import { ROLES, UNIT_SCOPED_ROLES, type Role } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { units, users } from '../db/schema.js';
import { createUser } from '../app/users.js';

export interface DemoAccount { username: string; password: string; role: Role; unit: string | null }

/** The unit that demo unit staff work in: water faults get plenty of requests. */
const DEMO_UNIT_CODE = 'saski-su-ariza';

export const demoPassword = (role: Role): string => `${role.replace('_', '-')}-cozum-153`;

export async function ensureDemoAccounts(ex: Executor): Promise<DemoAccount[]> {
  const [preferred] = await ex.select({ id: units.id, name: units.nameTr }).from(units).where(eq(units.code, DEMO_UNIT_CODE));
  const [fallback] = preferred ? [preferred] : await ex.select({ id: units.id, name: units.nameTr }).from(units).limit(1);
  const unit = preferred ?? fallback;
  const accounts: DemoAccount[] = [];
  for (const role of ROLES) {
    const scoped = UNIT_SCOPED_ROLES.includes(role);
    const account: DemoAccount = { username: role, password: demoPassword(role), role, unit: scoped ? (unit?.name ?? null) : null };
    const [exists] = await ex.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${role}`);
    if (!exists) {
      if (scoped && !unit) continue;
      await createUser(ex, null, { username: role, displayName: `Demo ${role.replace('_', ' ')}`, password: account.password, role, unitId: scoped ? unit!.id : null });
    }
    accounts.push(account);
  }
  return accounts;
}
