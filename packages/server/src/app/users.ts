/** Staff accounts: list, create, update. Admins only (checked at the route). */
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { DomainError, ROLES, UNIT_SCOPED_ROLES, fieldError, isRole, notFound, type Role } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { containing } from '../db/like.js';
import { sessions, units, users } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';
import { checkPasswordRules, hashPassword } from './passwords.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  locale: 'tr' | 'en';
  active: boolean;
  createdAt: string;
}

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  unitId: users.unitId,
  unitName: units.nameTr,
  locale: users.locale,
  active: users.active,
  createdAt: users.createdAt,
};

type UserRow = { [K in keyof typeof userColumns]: unknown };
const toView = (row: UserRow): UserView => ({
  ...(row as unknown as UserView),
  createdAt: (row.createdAt as Date).toISOString(),
});

export async function listUsers(ex: Executor, filter: { q?: string; role?: string; unitId?: number }): Promise<UserView[]> {
  const where: SQL[] = [];
  if (filter.q) {
    const pattern = containing(filter.q);
    where.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.unitId) where.push(eq(users.unitId, filter.unitId));
  const rows = await ex
    .select(userColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.username))
    .limit(1000);
  return rows.map(toView);
}

export async function getUser(ex: Executor, id: number): Promise<UserView> {
  const [row] = await ex.select(userColumns).from(users).leftJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id));
  if (!row) throw notFound('user', id);
  return toView(row);
}

async function checkRoleAndUnit(ex: Executor, role: string, unitId: number | null | undefined): Promise<void> {
  if (!isRole(role)) throw fieldError('role', 'one_of', `'${role}' is not a role`, { allowed: ROLES.join(', ') });
  if (UNIT_SCOPED_ROLES.includes(role) && !unitId) throw fieldError('unitId', 'required_for_role', `is required for the role ${role}: unit staff and unit heads work for one unit`, { role });
  if (unitId) {
    const [unit] = await ex.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!unit) throw fieldError('unitId', 'not_found', `unit ${unitId} does not exist`, { id: unitId });
  }
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  role: string;
  unitId?: number | null;
  locale?: 'tr' | 'en';
}

export async function createUser(ex: Executor, actor: Actor | null, input: CreateUserInput): Promise<UserView> {
  const username = input.username.trim();
  if (!/^[a-zA-Z0-9._-]{3,64}$/.test(username)) throw fieldError('username', 'not_username', 'must be 3 to 64 letters, digits, dots, dashes or underscores');
  checkPasswordRules(input.password);
  await checkRoleAndUnit(ex, input.role, input.unitId);
  const [taken] = await ex.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`);
  if (taken) throw new DomainError('user.already_exists', `the username '${username}' is taken; choose another`, [{ field: 'username', code: 'taken', params: { value: username }, message: 'is taken' }], { username });
  const passwordHash = await hashPassword(input.password);
  const [row] = await ex
    .insert(users)
    .values({
      username,
      displayName: input.displayName.trim(),
      email: input.email?.trim() || null,
      passwordHash,
      role: input.role,
      unitId: input.unitId ?? null,
      locale: input.locale ?? 'tr',
    })
    .returning({ id: users.id });
  await recordAudit(ex, { actor, action: 'user.create', subjectType: 'user', subjectId: row!.id, data: { username, role: input.role, unitId: input.unitId ?? null } });
  return getUser(ex, row!.id);
}

export interface UpdateUserInput {
  displayName?: string;
  email?: string | null;
  role?: string;
  unitId?: number | null;
  active?: boolean;
  password?: string;
  locale?: 'tr' | 'en';
}

export async function updateUser(ex: Executor, actor: Actor | null, id: number, input: UpdateUserInput): Promise<UserView> {
  const current = await getUser(ex, id);
  const role = input.role ?? current.role;
  const unitId = input.unitId === undefined ? current.unitId : input.unitId;
  await checkRoleAndUnit(ex, role, unitId);
  if (actor?.id === id && (input.active === false || (input.role && input.role !== current.role))) {
    throw new DomainError('user.forbidden', 'you cannot deactivate yourself or change your own role; ask another administrator');
  }
  const changes: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
  if (input.displayName !== undefined) changes.displayName = input.displayName.trim();
  if (input.email !== undefined) changes.email = input.email?.trim() || null;
  if (input.role !== undefined) changes.role = role;
  if (input.unitId !== undefined) changes.unitId = unitId;
  if (input.active !== undefined) changes.active = input.active;
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.password !== undefined) {
    checkPasswordRules(input.password);
    changes.passwordHash = await hashPassword(input.password);
  }
  await ex.update(users).set(changes).where(eq(users.id, id));
  // A deactivated account, a new password or new rights end every open session of that user.
  const rightsChanged = (input.role !== undefined && input.role !== current.role) || (input.unitId !== undefined && input.unitId !== current.unitId);
  if (input.active === false || input.password !== undefined || rightsChanged) {
    await ex.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
  }
  const { password: _omit, ...logged } = input;
  await recordAudit(ex, {
    actor,
    action: input.role && input.role !== current.role ? 'user.role_change' : 'user.update',
    subjectType: 'user',
    subjectId: id,
    data: { ...logged, passwordChanged: input.password !== undefined, previousRole: current.role },
  });
  return getUser(ex, id);
}

