/** E-mail over SMTP (nodemailer). The Message-ID carries the outbox id, so a resend after a crash is recognisable. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailMessage } from '../app/outbox.js';

export interface EmailSender {
  send(message: EmailMessage, outboxId: number): Promise<void>;
  close(): void;
  /** The development sender (messaging/development.ts): its messages never leave the server. */
  readonly development?: true;
}

export function smtpSender(options: { smtpUrl: string; from: string; messageIdDomain: string }): EmailSender {
  // A pooled connection: a burst of notifications does not open one SMTP session per message.
  const transport: Transporter = nodemailer.createTransport({ url: options.smtpUrl, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(message, outboxId) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<outbox-${outboxId}@${options.messageIdDomain}>`,
        headers: { 'X-Cozum-Outbox-Id': String(outboxId) },
      });
    },
    close: () => transport.close(),
  };
}
