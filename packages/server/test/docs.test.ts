import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { configMarkdown } from '../src/config.js';
import { COMMANDS } from '../src/cli/main.js';

const readme = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md'), 'utf8');

it('README lists every configuration variable as the code defines it', () => {
  expect(readme).toContain(configMarkdown());
});

it('README names every cozum command', () => {
  for (const command of COMMANDS) expect(readme).toContain(`\`${command.words.join(' ')}\``);
});
