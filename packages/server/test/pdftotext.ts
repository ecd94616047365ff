/** Reads a PDF back with poppler's pdftotext (poppler-utils; npm test installs it when run as root). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** pdftotext's output for the PDF, with its options (`-layout`, `-bbox`, …). */
export function pdftotext(pdf: Buffer, ...args: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-pdf-'));
  const file = path.join(dir, 'document.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('these tests read PDFs with pdftotext: apt-get install poppler-utils (npm test does it when run as root)', { cause: error });
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}

/** The PDF's text as laid out, every run of white space one space: a table's row reads as one line, wrapped lines as one. */
export const pdfText = (pdf: Buffer): string => pdftotext(pdf, '-layout').replace(/\s+/g, ' ');
