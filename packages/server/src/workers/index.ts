/** The background workers a server process runs when WORKERS is on. */
import type { FastifyBaseLogger } from 'fastify';
import { emailDelivery, smsDelivery, type Config } from '../config.js';
import type { Executor } from '../db/client.js';
import { smtpSender } from '../messaging/email.js';
import { httpSmsSender } from '../messaging/sms.js';
import { developmentSender } from '../messaging/development.js';
import { dispatchOnce, startLoop, type Loop, type Senders } from './dispatcher.js';
import { sweepOverdue } from './sweeper.js';
import { applyRetentionWhenDue } from '../app/privacy/retention.js';
import { inviteResolvedRequests } from '../app/surveys/invitations.js';
import { forgetOldKeys } from '../app/field/idempotency.js';

/** The provider of each channel; in development mode (DEV_OUTBOX) the development sender for a channel without one. */
export function sendersFromConfig(config: Config): Senders {
  return {
    email: config.smtpUrl ? smtpSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, messageIdDomain: new URL(config.publicUrl).hostname }) : config.devOutbox ? developmentSender() : null,
    sms: config.smsUrl ? httpSmsSender({ url: config.smsUrl, provider: config.smsProvider, user: config.smsUser, password: config.smsPassword, sender: config.smsSender }) : config.devOutbox ? developmentSender() : null,
  };
}

export interface Workers {
  dispatcher: Loop;
  sweeper: Loop;
  retention: Loop;
  /** Sends the satisfaction survey after resolutions. */
  surveys: Loop;
  /** Forgets idempotency keys old enough that no tablet will repeat them. */
  idempotency: Loop;
  stop(): Promise<void>;
}

export function startWorkers(db: Executor, config: Config, log: FastifyBaseLogger): Workers {
  const senders = sendersFromConfig(config);
  if (emailDelivery(config) === 'waiting') log.warn('SMTP_URL is not set: e-mail stays in the outbox until a process with SMTP sends it');
  if (smsDelivery(config) === 'unavailable') log.warn('SMS_URL is not set: SMS stays in the outbox until a process with an SMS provider sends it, and the citizen portal offers no codes by SMS');
  if (config.devOutbox && (!config.smtpUrl || !config.smsUrl)) log.warn(`development mode (DEV_OUTBOX): ${[!config.smsUrl && 'SMS', !config.smtpUrl && 'e-mail'].filter(Boolean).join(' and ')} are not sent but kept in the development outbox`);
  const dispatcher = startLoop(async () => (await dispatchOnce(db, senders)).attempted, 2000, (error) => log.error({ err: error }, 'outbox dispatcher pass failed'));
  const sweeper = startLoop(() => sweepOverdue(db, new Date(), { timeZone: config.cityTimeZone, publicUrl: config.publicUrl }), 60_000, (error) => log.error({ err: error }, 'deadline sweeper pass failed'));
  // Checked hourly; runs when the last run is RETENTION_INTERVAL_DAYS old (KVKK: at least every 6 months).
  const retention = startLoop(
    async () => {
      await applyRetentionWhenDue(db, new Date(), config.retentionIntervalDays);
      return 0;
    },
    3_600_000,
    (error) => log.error({ err: error }, 'retention run failed'));
  const surveys = startLoop(
    () => db.transaction((tx) => inviteResolvedRequests(tx, new Date(), { secret: config.sessionSecret, publicUrl: config.publicUrl })),
    300_000,
    (error) => log.error({ err: error }, 'satisfaction survey pass failed'));
  const idempotency = startLoop(() => forgetOldKeys(db, new Date()), 3_600_000, (error) => log.error({ err: error }, 'idempotency key clean-up failed'));
  return {
    dispatcher,
    sweeper,
    retention,
    surveys,
    idempotency,
    async stop() {
      await dispatcher.stop();
      await sweeper.stop();
      await retention.stop();
      await surveys.stop();
      await idempotency.stop();
      senders.email?.close();
    },
  };
}
