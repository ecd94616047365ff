/**
 * SMS through an HTTP provider. Two adapters: 'json' posts {to, text, sender, reference} (the
 * reference is the outbox id, so a provider that deduplicates drops a resend), and 'netgsm'
 * speaks Netgsm's XML API (https://www.netgsm.com.tr/dokuman/#xml-post-sms-gönderme).
 */
import type { SmsMessage } from '../app/outbox.js';

export interface SmsSender {
  send(message: SmsMessage, outboxId: number): Promise<void>;
  /** The development sender (messaging/development.ts): its messages never leave the server. */
  readonly development?: true;
}

export interface SmsOptions {
  url: string;
  provider: 'json' | 'netgsm';
  user: string | null;
  password: string | null;
  sender: string;
  timeoutMs?: number;
}

const xmlEscape = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function httpSmsSender(options: SmsOptions): SmsSender {
  return {
    async send(message, outboxId) {
      const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
      if (options.provider === 'netgsm') {
        const body = `<?xml version="1.0" encoding="UTF-8"?><mainbody><header><company dil="TR">Netgsm</company><usercode>${xmlEscape(options.user ?? '')}</usercode><password>${xmlEscape(options.password ?? '')}</password><type>1:n</type><msgheader>${xmlEscape(options.sender)}</msgheader></header><body><msg><![CDATA[${message.text.replace(/]]>/g, ']]]]><![CDATA[>')}]]></msg><no>${xmlEscape(message.to)}</no></body></mainbody>`;
        const res = await fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/xml; charset=utf-8' }, body, signal });
        const answer = (await res.text()).trim();
        // Netgsm answers "00 <jobid>" (or "01"/"02") on success, a bare error code otherwise.
        if (!res.ok || !/^0[012]\b/.test(answer)) throw new Error(`Netgsm refused the SMS: HTTP ${res.status} ${answer.slice(0, 100)}`);
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.user) headers.authorization = `Basic ${Buffer.from(`${options.user}:${options.password ?? ''}`).toString('base64')}`;
      const res = await fetch(options.url, { method: 'POST', headers, body: JSON.stringify({ to: message.to, text: message.text, sender: options.sender, reference: `outbox-${outboxId}` }), signal });
      if (!res.ok) throw new Error(`SMS provider answered HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}
