/**
 * Photos and PDFs on a request, stored under DATA_DIR/files by content hash. The type is
 * judged from the file's first bytes, not from what the client claims, and so is the name's
 * extension: a PNG sent as 'foto.hta' is kept and offered as 'foto.png'.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { fieldError, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { attachments, requestEvents, requests } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { checkUnitScope } from './detail.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { type: string; extension: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', extension: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', extension: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', extension: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'application/pdf', extension: 'pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

export function sniffType(content: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(content))?.type ?? null;
}

/** Stores the content under DATA_DIR/files by its hash (once, however often it is sent). */
export function storeFile(content: Buffer, dataDir: string): { sha256: string; storageKey: string } {
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  const storageKey = path.join(sha256.slice(0, 2), sha256);
  const target = path.join(dataDir, 'files', storageKey);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written to a temporary name and renamed: a crash never leaves half a file under the real name.
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, content, { flush: true });
    fs.renameSync(temporary, target);
  }
  return { sha256, storageKey };
}

/**
 * The name a file is kept and offered under: the sender's base name with anything but letters,
 * digits, spaces, '_' and '-' replaced, and the extension of the detected type. Whatever the
 * sender called it ('evil.html', 'foto.hta', '.htaccess'), a browser or desktop that goes by
 * the name then treats it as what it is.
 */
export function storedFileName(name: string, contentType: string): string {
  const extension = SIGNATURES.find((s) => s.type === contentType)?.extension;
  // Both separators: a name from Windows may arrive as 'C:\Users\…\foto.png'.
  const base = (name.split(/[\\/]/).pop() ?? '').slice(-200).replace(/\.[^.]*$/, '');
  const safe = base.replace(/[^\p{L}\p{N}_ -]/gu, '_').replace(/^[ _]+|[ _]+$/g, '').slice(0, 120) || 'dosya';
  return extension ? `${safe}.${extension}` : safe;
}

export interface AttachmentUpload {
  fileName: string;
  content: Buffer;
  visibility: 'internal' | 'public';
}

export async function addAttachment(ex: Executor, actor: Actor, requestId: number, upload: AttachmentUpload, dataDir: string, now: Date) {
  const [request] = await ex.select({ id: requests.id, unitId: requests.unitId }).from(requests).where(eq(requests.id, requestId));
  if (!request) throw notFound('request', requestId);
  checkUnitScope(actor, request.unitId);
  if (upload.content.length === 0) throw fieldError('file', 'empty', 'is empty');
  if (upload.content.length > MAX_ATTACHMENT_BYTES) {
    const size = (upload.content.length / 1048576).toFixed(1);
    throw fieldError('file', 'too_large', `is ${size} MB; the limit is ${MAX_ATTACHMENT_BYTES / 1048576} MB per file — send a smaller photo or split the PDF`, { limit: MAX_ATTACHMENT_BYTES / 1048576, size });
  }
  const contentType = sniffType(upload.content);
  if (!contentType) throw fieldError('file', 'not_file_type', `'${upload.fileName}' is not a JPEG, PNG or WebP photo or a PDF; only those are accepted`, { allowed: 'JPEG, PNG, WebP, PDF' });
  const { sha256, storageKey } = storeFile(upload.content, dataDir);
  const fileName = storedFileName(upload.fileName, contentType);
  const [event] = await ex
    .insert(requestEvents)
    .values({ requestId, type: 'attachment', actorId: actor.id, actorKind: 'staff', visibility: upload.visibility, data: { fileName, contentType, sizeBytes: upload.content.length }, at: now })
    .returning({ id: requestEvents.id });
  const [row] = await ex
    .insert(attachments)
    .values({ requestId, eventId: event!.id, fileName, contentType, sizeBytes: upload.content.length, storageKey, sha256, visibility: upload.visibility, uploadedBy: actor.id, createdAt: now })
    .returning({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes });
  return { ...row!, visibility: upload.visibility, createdAt: now.toISOString() };
}

export async function openAttachment(ex: Executor, actor: Actor, requestId: number, attachmentId: number, dataDir: string) {
  const [row] = await ex
    .select({ fileName: attachments.fileName, contentType: attachments.contentType, storageKey: attachments.storageKey, unitId: requests.unitId })
    .from(attachments)
    .innerJoin(requests, eq(requests.id, attachments.requestId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.requestId, requestId)));
  if (!row) throw notFound('attachment', attachmentId);
  checkUnitScope(actor, row.unitId);
  // Named again from the type: files kept before names followed the type are offered safely too.
  return { fileName: storedFileName(row.fileName, row.contentType), contentType: row.contentType, stream: fs.createReadStream(path.join(dataDir, 'files', row.storageKey)) };
}
