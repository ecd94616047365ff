/**
 * Everything the field app keeps on the tablet to work without a network: categories, the
 * districts and their neighbourhoods, the surveys open for answers, the team's visits and the
 * user's work orders.
 */
import { asc, eq } from 'drizzle-orm';
import { addDays, localDate } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, neighbourhoods } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { listSurveys } from '../surveys/surveys.js';
import { listVisits } from './visits.js';
import { listWorkOrders } from './work-orders.js';

/** `timeZone`: the city's, in which the visits' days (a week back, two ahead) are counted. */
export async function fieldBootstrap(ex: Executor, actor: Actor, now: Date, timeZone: string) {
  const today = localDate(now, timeZone);
  const [cats, dists, hoods, surveys, visits, workOrders] = await Promise.all([
    ex.select({ id: categories.id, nameTr: categories.nameTr, nameEn: categories.nameEn, parentId: categories.parentId }).from(categories).where(eq(categories.active, true)).orderBy(asc(categories.nameTr)),
    ex.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.name)),
    ex.select({ id: neighbourhoods.id, districtId: neighbourhoods.districtId, name: neighbourhoods.name }).from(neighbourhoods).orderBy(asc(neighbourhoods.name)),
    listSurveys(ex, { status: 'active', kind: 'campaign' }),
    listVisits(ex, { from: addDays(today, -7), to: addDays(today, 14), memberId: actor.role === 'field_staff' ? actor.id : undefined }),
    listWorkOrders(ex, actor),
  ]);
  return { at: now.toISOString(), categories: cats, districts: dists, neighbourhoods: hoods, surveys, visits, workOrders };
}
