/**
 * The server's layers point one way (docs/architecture.md): http → app → db, with seed/ and
 * city-data/ beside them. Read from the import statements of src/, so a file that crosses a
 * line fails here naming the file and the import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

interface Import { file: string; target: string; typeOnly: boolean }

function sourceFiles(dir: string, extensions = /\.ts$/): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full, extensions);
    return extensions.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every import of a file under src/: relative ones resolved to a path under src/ ('app/audit.ts'), packages as named. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?'([^']+)';/gm)].map((match) => {
    const spec = match[2]!;
    const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts') : spec;
    return { file: path.relative(SRC, file), target, typeOnly: match[1] !== undefined };
  });
}

const all = sourceFiles(SRC).flatMap(importsOf);
const within = (folder: string) => (p: string) => p.startsWith(`${folder}/`);
const crossing = (from: (file: string) => boolean, to: (target: string) => boolean, { typesAllowed = false } = {}) =>
  all.filter((i) => from(i.file) && to(i.target) && !(typesAllowed && i.typeOnly)).map((i) => `${i.file} → ${i.target}`);

describe('the server layers', () => {
  it('the schema files import each other, never the index db/schema.ts, and form no cycle', () => {
    const schemaFile = (p: string) => /^db\/schema-[\w-]+\.ts$/.test(p);
    expect(crossing(schemaFile, (t) => t === 'db/schema.ts')).toEqual([]);
    const edges = new Map<string, string[]>();
    for (const i of all) if ((schemaFile(i.file) || i.file === 'db/schema.ts') && schemaFile(i.target)) edges.set(i.file, [...(edges.get(i.file) ?? []), i.target]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]) => {
      state.set(node, 'open');
      for (const next of edges.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...trail, next].join(' → '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(node, 'done');
    };
    for (const node of edges.keys()) if (!state.has(node)) visit(node, [node]);
    expect(cycles).toEqual([]);
  });

  it('use cases (app/) import neither seed/ nor fastify, and http/ only for types', () => {
    expect(crossing(within('app'), within('seed'))).toEqual([]);
    expect(crossing(within('app'), (t) => t === 'fastify' || t.startsWith('@fastify/'))).toEqual([]);
    expect(crossing(within('app'), within('http'), { typesAllowed: true })).toEqual([]);
  });

  it('routes and the Open311 wire format (http/) query through use cases, never the schema', () => {
    expect(crossing(within('http'), (t) => t === 'db/schema.ts' || /^db\/schema-/.test(t))).toEqual([]);
  });
});

describe('the contract package', () => {
  const CONTRACT = path.resolve(SRC, '../../contract/src');
  const WEB = path.resolve(SRC, '../../web/src');
  const importsIn = (root: string, extensions: RegExp) =>
    sourceFiles(root, extensions).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)';/gm)].map((m) => ({ file: path.relative(root, file), names: m[2]!, target: m[3]!, typeOnly: m[1] !== undefined })),
    );

  it('imports only TypeBox, the domain and its own files', () => {
    const outside = importsIn(CONTRACT, /\.ts$/).filter((i) => !i.target.startsWith('./') && i.target !== 'typebox' && i.target !== '@cozum/domain');
    expect(outside.map((i) => `${i.file} → ${i.target}`)).toEqual([]);
  });

  it('reaches the web app as types and enums only, so no schema code is shipped to the browser', () => {
    // Values the web may take from the contract: those it passes on from the domain (enums and
    // status sets). A value of a subject file would bring that file's TypeBox calls with it.
    const fromDomain = /export \{([^}]*)\} from '@cozum\/domain';/.exec(fs.readFileSync(path.join(CONTRACT, 'index.ts'), 'utf8'))![1]!;
    const allowed = new Set(fromDomain.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')));
    const schemaValues = importsIn(WEB, /\.tsx?$/)
      .filter((i) => i.target === '@cozum/contract' && !i.typeOnly)
      .flatMap((i) => i.names.replace(/[{}]/g, '').split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!).filter((n) => n && !n.startsWith('type ') && !allowed.has(n)).map((n) => `${i.file}: ${n}`));
    expect(allowed.size).toBeGreaterThan(5);
    expect(schemaValues).toEqual([]);
  });
});
