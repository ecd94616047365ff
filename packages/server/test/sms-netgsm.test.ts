import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSmsSender } from '../src/messaging/sms.js';

let server: http.Server;
let url: string;
const received: string[] = [];
let answer = '00 1234567890';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send/xml`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Netgsm SMS adapter', () => {
  const sender = () => httpSmsSender({ url, provider: 'netgsm', user: 'samsun153', password: 'p<&>', sender: 'SAMSUNBB' });

  it("posts Netgsm's XML with the number, header and Turkish text, escaping what XML needs", async () => {
    await sender().send({ to: '905321112233', text: 'Başvurunuz çözüldü ]]> <teşekkürler>' }, 7);
    const xml = received.at(-1)!;
    expect(xml).toContain('<usercode>samsun153</usercode><password>p&lt;&amp;&gt;</password>');
    expect(xml).toContain('<msgheader>SAMSUNBB</msgheader>');
    expect(xml).toContain('<no>905321112233</no>');
    expect(xml).toContain('<![CDATA[Başvurunuz çözüldü ]]]]><![CDATA[> <teşekkürler>]]>');
  });

  it("treats Netgsm's error codes as failures, so the outbox retries", async () => {
    answer = '30';
    await expect(sender().send({ to: '905321112233', text: 'x' }, 8)).rejects.toThrow('Netgsm refused the SMS: HTTP 200 30');
    answer = '00 1234567890';
  });
});
