import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import tr from './tr.json';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAMESPACES = new Set(Object.keys(tr));

/** The source files an entry reaches through its relative imports, lazy ones included. */
function reachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
      const base = path.resolve(path.dirname(file), spec!);
      const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => /\.tsx?$/.test(candidate) && fs.existsSync(candidate));
      if (found) visit(found);
    }
  };
  visit(path.join(SRC, entry));
  return [...seen];
}

/** The catalogue's parts a file names in its strings ('portal.home.title', `status.${s}`). */
const partsNamedIn = (source: string) => [...source.matchAll(/['"`]([A-Za-z]+)\.[\w.${}]+/g)].map((m) => m[1]!).filter((part) => NAMESPACES.has(part));

/** The parts citizen.ts takes from each language's file. */
function partsTaken(language: 'tr' | 'en'): string[] {
  const source = fs.readFileSync(path.join(SRC, 'i18n/citizen.ts'), 'utf8');
  return [...new Set([...source.matchAll(new RegExp(`\\b${language}\\.(\\w+)`, 'g'))].map((m) => m[1]!))].sort();
}

describe("the citizens' strings", () => {
  it('hold every part of the catalogue that the portal and survey pages show, in both languages', () => {
    const files = reachedFrom('portal-main.tsx');
    // The walk does reach the lazy pages.
    expect(files.map((f) => path.relative(SRC, f))).toEqual(expect.arrayContaining(['pages/portal/PortalNewRequestPage.tsx', 'pages/survey/PublicSurveyPage.tsx']));
    const taken = partsTaken('tr');
    const missing = [...new Set(files.flatMap((file) => partsNamedIn(fs.readFileSync(file, 'utf8')).filter((part) => !taken.includes(part)).map((part) => `${path.relative(SRC, file)} shows ${part}.*`)))];
    expect(missing, 'add these parts to src/i18n/citizen.ts').toEqual([]);
    expect(partsTaken('en')).toEqual(taken);
  });

  it("leave out the staff pages' strings", () => {
    const taken = partsTaken('tr');
    expect(taken.length).toBeLessThan(NAMESPACES.size / 3);
    for (const staffOnly of ['nav', 'inbox', 'detail', 'reports']) expect(taken).not.toContain(staffOnly);
  });
});
