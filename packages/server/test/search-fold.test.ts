/**
 * The knowledge base folds the search words in TypeScript (foldForSearch) and matches them
 * against text folded in SQL (search_fold(), which the inbox's index is built on), and the web
 * app filters its lists with the same TypeScript fold. Where the two folds differ, a search finds
 * nothing, so they must agree on every input a caller types.
 */
import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { foldForSearch } from '@cozum/domain';
import type { Database } from '../src/db/client.js';
import { foldedFilter } from '../../web/src/components/foldedFilter.ts';
import { useTestDatabase } from './harness.js';

let database: Database;
useTestDatabase((opened) => (database = opened));

const INPUTS = [
  'İ', 'I', 'ı', 'i', 'İi Iı', 'iİ ıI',
  'â', 'î', 'û', 'Â', 'Î', 'Û', 'kâğıt', 'KÂĞIT', 'hâlâ', 'HÂLÂ',
  'ç ğ ö ş ü', 'Ç Ğ Ö Ş Ü', 'çğıöşü ÇĞIİÖŞÜ',
  'İSTANBUL', 'ISPARTA', 'Işık', 'IŞIK', 'ŞİKÂYET', 'Çöp Konteyneri', 'İLKADIM', '19 MAYIS', 'Ağaç Budama',
  'Su Kesintisi – ATAKUM', 'Yol / Kaldırım', 'sokak lambası yanmıyor!', 'Cumhuriyet Mh. No:5',
  'Émile Ärger Ñandú', 'Hello World', 'ABC xyz 0123456789', 'MIXED case Words', 'e-mail: ALI@EXAMPLE.COM', '',
];

test('the SQL search_fold() folds every Turkish and ASCII input as foldForSearch does', async () => {
  const mismatches: string[] = [];
  for (const input of INPUTS) {
    const result = (await database.db.execute(sql`select search_fold(${input}) as folded`)) as unknown as { rows: { folded: string }[] };
    const inSql = result.rows[0]!.folded;
    const inTypeScript = foldForSearch(input);
    if (inSql !== inTypeScript) mismatches.push(`${JSON.stringify(input)}: TypeScript ${JSON.stringify(inTypeScript)}, SQL ${JSON.stringify(inSql)}`);
  }
  expect(mismatches).toEqual([]);
  // The fold does fold: a table of identical outputs would agree by doing nothing.
  expect(foldForSearch('ŞİKÂYET Işık')).toBe('sikayet isik');
});

test("the web app's list filter finds a name by the words search_fold() makes of it", async () => {
  const names = INPUTS.filter((input) => input.trim() !== '');
  const filter = foldedFilter<string>();
  const missed: string[] = [];
  for (const name of names) {
    const result = (await database.db.execute(sql`select search_fold(${name}) as folded`)) as unknown as { rows: { folded: string }[] };
    const typed = result.rows[0]!.folded;
    const found = filter({ options: [{ value: name, label: name }], search: typed, limit: 10 });
    if (found.length !== 1) missed.push(`typing ${JSON.stringify(typed)} does not find ${JSON.stringify(name)}`);
  }
  expect(missed).toEqual([]);
});
