/**
 * The deadline sweeper: marks open requests whose SLA or legal deadline has passed, records
 * an internal event and e-mails the unit head(s) and the supervisors, once per breach. Rows
 * are claimed with FOR UPDATE SKIP LOCKED in one transaction with the marks and messages, so
 * several processes sweeping at once escalate each breach exactly once.
 */
import { formatLocalDateTime } from '@cozum/domain';
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { ACTIVE_STATUSES, OPEN_STATUSES } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { statusList } from '../db/status-sql.js';
import { requestEvents, requests, units, users } from '../db/schema.js';
import { enqueue } from '../app/outbox.js';

interface Breach {
  id: number;
  tracking_no: string;
  unit_id: number;
  due_at: Date | null;
  legal_due_at: Date | null;
}

/** `options.timeZone`: the city's, for the deadline shown in the message. */
export async function sweepOverdue(db: Executor, now: Date, options: { timeZone: string; batch?: number; publicUrl?: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const result = (await tx.execute(sql`
      select id, tracking_no, unit_id, due_at, legal_due_at from requests
      where overdue_at is null
        and ((status in ${statusList(ACTIVE_STATUSES)} and due_at < ${now})
          -- A hold pauses the SLA, never the law's clock.
          or (status in ${statusList(OPEN_STATUSES)} and legal_due_at < ${now}))
      order by id
      limit ${options.batch ?? 200}
      for update skip locked`)) as unknown as { rows: Breach[] };
    const breaches = result.rows.map((r) => ({ ...r, id: Number(r.id), unit_id: Number(r.unit_id) }));
    if (!breaches.length) return 0;
    await tx.update(requests).set({ overdueAt: now }).where(inArray(requests.id, breaches.map((b) => b.id)));

    const unitIds = [...new Set(breaches.map((b) => b.unit_id))];
    const people = await tx
      .select({ email: users.email, role: users.role, unitId: users.unitId })
      .from(users)
      .where(and(eq(users.active, true), isNotNull(users.email), or(eq(users.role, 'supervisor'), and(eq(users.role, 'unit_head'), inArray(users.unitId, unitIds)))));
    const unitNames = new Map((await tx.select({ id: units.id, name: units.nameTr }).from(units).where(inArray(units.id, unitIds))).map((u) => [u.id, u.name]));

    for (const breach of breaches) {
      const legal = breach.legal_due_at !== null && new Date(breach.legal_due_at) < now;
      const due = legal ? breach.legal_due_at : breach.due_at;
      await tx.insert(requestEvents).values({
        requestId: breach.id,
        type: 'overdue',
        actorKind: 'system',
        visibility: 'internal',
        reason: legal ? 'legal deadline passed' : 'SLA deadline passed',
        data: { dueAt: due ? new Date(due).toISOString() : null, legal },
        at: now,
      });
      const recipients = people.filter((p) => p.role === 'supervisor' || p.unitId === breach.unit_id);
      for (const person of recipients) {
        await enqueue(tx, {
          kind: 'email',
          requestId: breach.id,
          payload: {
            to: person.email!,
            subject: `Süresi geçti: ${breach.tracking_no} (${unitNames.get(breach.unit_id) ?? ''})`,
            text: `${breach.tracking_no} numaralı başvurunun ${legal ? 'yasal cevap süresi' : 'hizmet süresi (SLA)'} ${due ? formatLocalDateTime(new Date(due), options.timeZone) : ''} tarihinde doldu. Birim: ${unitNames.get(breach.unit_id) ?? ''}.${options.publicUrl ? `\n${options.publicUrl}/requests/${breach.id}` : ''}`,
          },
        });
      }
    }
    return breaches.length;
  });
}
