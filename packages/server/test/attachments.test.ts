import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attachments, categories } from '../src/db/schema.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let agent: Record<string, string>;
let requestId: number;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----cozum-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

useTestApp(async (started) => {
  t = started;
  agent = await t.signIn('agent');
  const [cat] = await t.database.db.select().from(categories).where(eq(categories.code, 'yol-cukur'));
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId: cat!.id, description: 'Caddede büyük çukur var', channel: 'phone' } });
  requestId = res.json().id;
});

const upload = (fileName: string, content: Buffer, fields?: Record<string, string>) => {
  const body = multipart(fileName, content, fields);
  return t.app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/attachments`, headers: { ...agent, ...body.headers }, payload: body.payload });
};

describe('attachments', () => {
  it('stores a photo, lists it on the request and serves it back byte for byte', async () => {
    const res = await upload('çukur.png', PNG, { visibility: 'public' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'çukur.png', contentType: 'image/png', sizeBytes: PNG.length, visibility: 'public' });
    const detail = (await t.app.inject({ url: `/api/v1/requests/${requestId}`, headers: agent })).json();
    expect(detail.attachments).toHaveLength(1);
    const file = await t.app.inject({ url: `/api/v1/requests/${requestId}/attachments/${res.json().id}`, headers: agent });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a file that is not a photo or PDF, whatever its name says', async () => {
    const res = await upload('rapor.pdf', Buffer.from('#!/bin/sh\necho hello\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('file');
    expect(res.json().error.message).toContain('is not a JPEG, PNG or WebP photo or a PDF');
  });

  it('refuses an oversized file with the limit in the message', async () => {
    const res = await upload('dev.png', Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('10 MB');
  });

  it('asks for multipart when the body is JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/attachments`, headers: agent, payload: { file: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('multipart/form-data');
  });

  it('names the stored file and the download after the detected type, whatever extension it came with', async () => {
    const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
    const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    const cases: [string, Buffer, string, string][] = [
      ['foto.hta', PNG, 'foto.png', 'image/png'],
      ['evil.html', PNG, 'evil.png', 'image/png'],
      ['rapor.pdf', JPEG, 'rapor.jpg', 'image/jpeg'],
      ['fatura.png.exe', PDF, 'fatura_png.pdf', 'application/pdf'],
      ['../../etc/.htaccess', PNG, 'dosya.png', 'image/png'],
      ['C:\\Users\\ali\\Masaüstü\\çukur <script>.svg', PNG, 'çukur _script.png', 'image/png'],
    ];
    for (const [sent, content, kept, type] of cases) {
      const res = await upload(sent, content);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json(), sent).toMatchObject({ fileName: kept, contentType: type });
      const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, res.json().id));
      expect(row!.fileName).toBe(kept);
      const file = await t.app.inject({ url: `/api/v1/requests/${requestId}/attachments/${res.json().id}`, headers: agent });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe(type);
      expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(kept)}`);
    }
  });

  it('offers a file kept under a misleading name before the rule under its type’s name', async () => {
    const res = await upload('eski.png', PNG);
    await t.database.db.update(attachments).set({ fileName: 'eski.hta' }).where(eq(attachments.id, res.json().id));
    const file = await t.app.inject({ url: `/api/v1/requests/${requestId}/attachments/${res.json().id}`, headers: agent });
    expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''eski.png");
  });
});
