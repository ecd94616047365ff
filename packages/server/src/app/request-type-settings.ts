/**
 * Request types as administrators set them: which events of a request tell its citizen on which
 * channel (packages/domain notifications.ts), and whether Open311 may publish its requests at
 * all. Every change is audited with the settings before and after, and applies to the next
 * message: act-on-request reads the type's choice at each event, and the intake's cached
 * reference data is refreshed by the change (reference_version, migration 0010).
 */
import { asc, eq } from 'drizzle-orm';
import { checkNotificationSettings, checkPublishable, mayBePublished, notFound, type MessageChannel, type NotificationSettings } from '@cozum/domain';
import type { RequestTypeSettings } from '@cozum/contract';
import type { Executor } from '../db/client.js';
import { requestTypes } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';

const columns = {
  code: requestTypes.code,
  nameTr: requestTypes.nameTr,
  nameEn: requestTypes.nameEn,
  legalClock: requestTypes.legalClock,
  active: requestTypes.active,
  publishable: requestTypes.publishable,
  notifySms: requestTypes.notifySms,
  notifyEmail: requestTypes.notifyEmail,
};
type Row = Pick<typeof requestTypes.$inferSelect, keyof typeof columns>;

const view = ({ notifySms, notifyEmail, ...row }: Row): RequestTypeSettings => ({
  ...row,
  mayPublish: mayBePublished(row.legalClock),
  notifications: { sms: notifySms, email: notifyEmail },
});

/** Every request type, inactive ones too, with its settings. */
export async function listRequestTypeSettings(ex: Executor): Promise<RequestTypeSettings[]> {
  return (await ex.select(columns).from(requestTypes).orderBy(asc(requestTypes.nameTr))).map(view);
}

export interface RequestTypeSettingsInput {
  publishable?: boolean;
  notifications?: Record<MessageChannel, readonly string[]>;
}

/** What the audit log keeps of a type's settings, before and after a change. */
const audited = (settings: RequestTypeSettings) => ({ publishable: settings.publishable, notifications: settings.notifications });

export async function updateRequestTypeSettings(ex: Executor, actor: Actor, code: string, input: RequestTypeSettingsInput): Promise<RequestTypeSettings> {
  const [row] = await ex.select(columns).from(requestTypes).where(eq(requestTypes.code, code)).for('update');
  if (!row) throw notFound('request type', code);
  const before = view(row);
  if (input.publishable !== undefined) checkPublishable(row, input.publishable);
  const notifications: NotificationSettings | undefined = input.notifications && checkNotificationSettings(input.notifications);
  const [updated] = await ex
    .update(requestTypes)
    .set({ publishable: input.publishable, notifySms: notifications?.sms.slice(), notifyEmail: notifications?.email.slice() })
    .where(eq(requestTypes.code, code))
    .returning(columns);
  const after = view(updated!);
  await recordAudit(ex, { actor, action: 'request_type.update', subjectType: 'request_type', subjectId: code, data: { before: audited(before), after: audited(after) } });
  return after;
}
