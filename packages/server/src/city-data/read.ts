import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export function readSeedJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, file), 'utf8')) as T;
}
