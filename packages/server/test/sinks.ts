/** Real message sinks for tests: an in-process SMTP server and an HTTP SMS endpoint. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string | null;
  text: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  mails: ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

function decodeBody(raw: string): string {
  const [, body = ''] = raw.split(/\r?\n\r?\n/, 2).length === 2 ? [null, raw.slice(raw.search(/\r?\n\r?\n/) + 2)] : [null, ''];
  if (/content-transfer-encoding:\s*quoted-printable/i.test(raw)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  if (/content-transfer-encoding:\s*base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let boundPort = port;
  const sink: SmtpSink = {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    mails,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        // Stopping drops open connections at once, as a crashed mail server would.
        closeTimeout: 50,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw)?.[1]?.trim() ?? null;
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, messageId: header('Message-ID'), subject: header('Subject'), text: decodeBody(raw) });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server!.listen(boundPort, '127.0.0.1', () => resolve()));
      boundPort = (server!.server.address() as AddressInfo).port;
    },
    async stop() {
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    },
  };
  await sink.start();
  return sink;
}

export interface SmsSink {
  url: string;
  messages: { to: string; text: string; reference: string }[];
  stop(): Promise<void>;
}

export async function startSmsSink(): Promise<SmsSink> {
  const messages: SmsSink['messages'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      messages.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/sms`, messages, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
