/**
 * `import * as tr from './tr.json?parts'`: the JSON file as one export per top-level key, in a
 * module of its own, so a bundle keeps only the keys it reads. A plain `./tr.json` import is one
 * module: an entry that reads a few keys would load the whole file when another entry uses all.
 */
import fs from 'node:fs/promises';
import type { Plugin } from 'vite';

const PARTS = /\.json\?parts$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function jsonParts(): Plugin {
  return {
    name: 'cozum:json-parts',
    enforce: 'pre',
    async load(id) {
      if (!PARTS.test(id)) return null;
      const file = id.replace(/\?parts$/, '');
      this.addWatchFile(file);
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      const keys = Object.keys(data);
      const bad = keys.find((key) => !IDENTIFIER.test(key));
      if (bad) this.error(`${file}: the top-level key ${JSON.stringify(bad)} is no JavaScript name, so ?parts cannot export it`);
      return { code: keys.map((key) => `export const ${key} = ${JSON.stringify(data[key])};`).join('\n'), moduleType: 'js' };
    },
  };
}
