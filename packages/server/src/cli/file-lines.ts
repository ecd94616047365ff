/**
 * A text file's lines for the importers, and the count of lines in it, over the same bytes, so
 * an importer can say "N lines in the file, N read" and mean it.
 *
 * readline's iterator is not used: it reads from the moment the interface is made, and lines
 * it emits before the loop is attached (while an importer awaits the database) are lost,
 * or, on a small file, the loop waits for a 'close' that has already passed. Here nothing is
 * read until the importer asks for the first line, and then only as fast as it asks.
 */
import fs from 'node:fs';

/**
 * The first `bytes` bytes of the file (default: its size when called), line by line: split on
 * '\n', a trailing '\r' dropped, a last line without '\n' kept. Linear in the file's size,
 * however long a line is.
 */
export async function* fileLines(file: string, bytes = fs.statSync(file).size): AsyncGenerator<string> {
  if (bytes === 0) return;
  const stream = fs.createReadStream(file, { encoding: 'utf8', start: 0, end: bytes - 1, highWaterMark: 256 * 1024 });
  let pieces: string[] = [];
  const take = (last: string) => {
    pieces.push(last);
    const line = pieces.length === 1 ? last : pieces.join('');
    pieces = [];
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      yield take(chunk.slice(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) pieces.push(chunk.slice(start));
  }
  if (pieces.length) yield take('');
}

/** Lines in the first `bytes` bytes of the file, as fileLines yields them: newlines, plus a last line without one. */
export async function countLines(file: string, bytes = fs.statSync(file).size): Promise<number> {
  if (bytes === 0) return 0;
  let lines = 0;
  let last = 0;
  for await (const chunk of fs.createReadStream(file, { start: 0, end: bytes - 1, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    last = chunk[chunk.length - 1]!;
  }
  return last === 10 ? lines : lines + 1;
}

/** The closing lines every importer prints: lines in the file against lines read, and what became of them. */
export function lineSummary(counts: { inFile: number; read: number; header?: number; imported: number; empty?: number; skipped: { line: number; reason: string }[]; what: string }): { text: string; complete: boolean; problems: string[] } {
  const complete = counts.inFile === counts.read;
  const text = `${counts.inFile} lines in the file, ${counts.read} read${complete ? '' : ` (${counts.inFile - counts.read} NOT read: the import is incomplete)`}: ${counts.header ? `${counts.header} header, ` : ''}${counts.imported} ${counts.what} imported, ${counts.empty ? `${counts.empty} empty, ` : ''}${counts.skipped.length} skipped`;
  const problems = counts.skipped.slice(0, 50).map((m) => `  line ${m.line}: ${m.reason}`);
  if (counts.skipped.length > 50) problems.push(`  … and ${counts.skipped.length - 50} more`);
  return { text, complete, problems };
}

/** Thrown inside an import's transaction, so an import that missed lines writes nothing. */
export class IncompleteImportError extends Error {
  constructor(file: string, inFile: number, read: number) {
    super(`${file}: ${read} of the ${inFile} lines in the file were read; nothing was imported`);
  }
}
