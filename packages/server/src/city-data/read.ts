/**
 * The city's data files in this folder (districts, neighbourhoods, holidays, the default
 * taxonomy, district boundaries; see README.md): read by the seed, which loads them into the
 * database, and by the use cases that answer from the boundaries (where a point lies, open data).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CITY_DATA_DIR = path.dirname(fileURLToPath(import.meta.url));

export function readCityData<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(CITY_DATA_DIR, file), 'utf8')) as T;
}
