import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Figure } from './figures.js';

export default function setup(project: TestProject) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-reliability-')), 'figures.jsonl');
  fs.writeFileSync(file, '');
  project.provide('reliabilityFigures', file);
  return () => {
    const figures = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Figure);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    if (!figures.length) return;
    const rows = figures.map((f) => [f.scenario, f.measure, String(f.value), f.expected ?? '', f.ok ? 'ok' : 'FAIL']);
    const head = ['scenario', 'measure', 'value', 'must be', ''];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
    console.log(['', 'Reliability figures', line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''].join('\n'));
  };
}
