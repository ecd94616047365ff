/** Field teams and the Mobile Solution Bus crew: who goes out together. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { fieldError, notFound, type TeamKind } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { fieldTeamMembers, fieldTeams, users } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';

export interface TeamInput {
  name: string;
  kind?: TeamKind;
  memberIds: number[];
  active?: boolean;
}

async function checkMembers(ex: Executor, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await ex.select({ id: users.id, role: users.role, active: users.active, username: users.username }).from(users).where(inArray(users.id, unique));
  for (const id of unique) {
    const user = rows.find((r) => r.id === id);
    if (!user || !user.active) throw fieldError('memberIds', user ? 'inactive' : 'not_found', `user ${id} does not exist or is inactive`, { id });
    if (!['field_staff', 'supervisor', 'admin', 'agent'].includes(user.role)) throw fieldError('memberIds', 'not_field_role', `${user.username} is ${user.role}; field teams are made of field staff (and the agents or supervisors who go out with them)`, { name: user.username, role: user.role });
  }
  return unique;
}

export async function listTeams(ex: Executor) {
  const teams = await ex.select().from(fieldTeams).orderBy(asc(fieldTeams.name));
  const members = teams.length
    ? await ex.select({ teamId: fieldTeamMembers.teamId, id: users.id, displayName: users.displayName }).from(fieldTeamMembers).innerJoin(users, eq(users.id, fieldTeamMembers.userId)).where(inArray(fieldTeamMembers.teamId, teams.map((t) => t.id))).orderBy(asc(users.displayName))
    : [];
  return teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, active: t.active, members: members.filter((m) => m.teamId === t.id).map((m) => ({ id: m.id, displayName: m.displayName })) }));
}

export async function saveTeam(ex: Executor, actor: Actor, id: number | null, input: TeamInput) {
  const name = input.name.trim();
  if (!name) throw fieldError('name', 'required', 'is required, e.g. "Mobil Çözüm Otobüsü 1"');
  const memberIds = await checkMembers(ex, input.memberIds);
  let teamId = id;
  if (teamId === null) {
    const [row] = await ex.insert(fieldTeams).values({ name, kind: input.kind ?? 'bus', active: input.active ?? true }).returning({ id: fieldTeams.id });
    teamId = row!.id;
  } else {
    const updated = await ex.update(fieldTeams).set({ name, kind: input.kind ?? 'bus', active: input.active ?? true }).where(eq(fieldTeams.id, teamId)).returning({ id: fieldTeams.id });
    if (!updated.length) throw notFound('field team', teamId);
    await ex.delete(fieldTeamMembers).where(eq(fieldTeamMembers.teamId, teamId));
  }
  if (memberIds.length) await ex.insert(fieldTeamMembers).values(memberIds.map((userId) => ({ teamId: teamId!, userId })));
  await recordAudit(ex, { actor, action: id === null ? 'field_team.create' : 'field_team.update', subjectType: 'field_team', subjectId: teamId, data: { name, memberIds } });
  return (await listTeams(ex)).find((t) => t.id === teamId)!;
}

/** The people a supervisor can put in a team (supervisors may not read the whole user list). */
export const listFieldStaff = (ex: Executor) =>
  ex.select({ id: users.id, displayName: users.displayName }).from(users).where(and(eq(users.role, 'field_staff'), eq(users.active, true))).orderBy(asc(users.displayName));
