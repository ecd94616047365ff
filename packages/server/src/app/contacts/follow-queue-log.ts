/**
 * `tail -F` for queue_log: imports what is appended, and keeps going when the PBX rotates the
 * file (renamed away and a new one started, or truncated). Lines are imported in one
 * transaction per read; a call whose events straddle two reads merges in the upsert.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Executor } from '../../db/client.js';
import { importQueueLog, type ImportReport } from './import-queue-log.js';

export interface FollowOptions {
  pollMs?: number;
  signal: AbortSignal;
  onBatch?: (report: ImportReport) => void;
  /** Interface name (or extension) → agent, as for importQueueLog. */
  agentAliases?: ReadonlyMap<string, string>;
  /** Start at the end of the file (skip what is there) instead of its beginning. */
  fromEnd?: boolean;
}

export async function followQueueLog(db: Executor, file: string, options: FollowOptions): Promise<void> {
  const pollMs = options.pollMs ?? 500;
  let fd: number | null = null;
  let inode = 0;
  let position = 0;
  let partial = '';
  let lineNumber = 0;

  const open = (atEnd: boolean) => {
    try {
      fd = fs.openSync(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // rotated away, not yet recreated
      throw error;
    }
    const stat = fs.fstatSync(fd);
    inode = stat.ino;
    position = atEnd ? stat.size : 0;
    partial = '';
    lineNumber = 0;
  };

  const readNew = (): string[] => {
    if (fd === null) return [];
    const size = fs.fstatSync(fd).size;
    if (size < position) position = 0; // truncated in place
    const lines: string[] = [];
    const buffer = Buffer.alloc(64 * 1024);
    while (position < size) {
      const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (n <= 0) break;
      position += n;
      const text = partial + buffer.subarray(0, n).toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
    }
    return lines;
  };

  const importLines = async (lines: string[]) => {
    if (!lines.length) return;
    const first = lineNumber;
    lineNumber += lines.length;
    const report = await db.transaction((tx) => importQueueLog(tx, lines, { agentAliases: options.agentAliases }));
    // Line numbers in the report count from this read; make them the file's.
    report.malformed = report.malformed.map((m) => ({ ...m, line: m.line + first }));
    options.onBatch?.(report);
  };

  open(options.fromEnd ?? false);
  while (!options.signal.aborted) {
    await importLines(readNew());
    // Rotation: the path now names another file. Finish the old one, then start the new one.
    let rotated: boolean;
    try {
      rotated = fd === null || fs.statSync(file).ino !== inode;
    } catch {
      rotated = false; // renamed away and not yet recreated: keep reading the old file
    }
    if (rotated) {
      await importLines(readNew());
      if (partial.trim()) await importLines([partial]);
      if (fd !== null) fs.closeSync(fd);
      fd = null;
      open(false);
      continue;
    }
    // The timer takes its abort listener off the signal when it fires, so polls do not pile
    // listeners up on it.
    await sleep(pollMs, undefined, { signal: options.signal }).catch(() => undefined);
  }
  if (fd !== null) fs.closeSync(fd);
}
