#!/usr/bin/env node
// Derives the reference data Çözüm seeds from the public sources in ../shared/data
// (NVİ administrative units, TÜİK populations, PTT postal codes, OpenStreetMap boundaries).
// The product never reads ../shared at run time: the outputs are committed under
// packages/server/src/seed/data. Run: node scripts/reference-data/generate.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.resolve(repo, '../shared/data');
const out = path.join(repo, 'packages/server/src/seed/data');

const lower = (s) => s.replace(/I/g, 'ı').replace(/İ/g, 'i').toLocaleLowerCase('tr-TR');
const upperFirst = (s) => (s ? s[0].replace('i', 'İ').replace('ı', 'I').toLocaleUpperCase('tr-TR') + s.slice(1) : s);
const title = (s) => lower(s).split(/(\s+|-|\.|\()/).map(upperFirst).join('');
const key = (s) => lower(s).replace(/\s+mah(allesi|\.)?$/u, '').replace(/[^a-zçğıöşü0-9]/gu, '');

function csv(file) {
  const [head, ...lines] = fs.readFileSync(path.join(src, file), 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
}

const fail = (message) => {
  console.error(`reference data: ${message}`);
  process.exit(1);
};

// Districts and neighbourhoods from NVİ; populations from TÜİK.
const nvi = csv('turkey-admin/samsun_mahalleler_nvi.csv');
const tuik = csv('turkey-admin/samsun_nufus_tuik.csv');
const ptt = csv('turkey-admin/samsun_posta_kodlari_ptt.csv');

const districtPop = new Map();
const hoodPop = new Map();
for (const row of tuik) {
  const m = /^Samsun\((.*)\)$/.exec(row.label);
  if (!m) continue;
  const parts = m[1].split('/');
  if (row.level === 'ilce') districtPop.set(key(parts[0]), Number(row.population));
  if (row.level === 'mahalle') hoodPop.set(`${key(parts[0])}|${key(parts[parts.length - 1])}`, Number(row.population));
}

const districts = new Map();
for (const row of nvi) {
  if (!districts.has(row.ilce_kimlikNo)) {
    const name = title(row.ilce);
    districts.set(row.ilce_kimlikNo, { code: row.ilce_kimlikNo, name, population: districtPop.get(key(row.ilce)) ?? null, postalCodes: new Set() });
  }
}
for (const row of ptt) {
  const d = [...districts.values()].find((x) => key(row.ilce_or_bucak).startsWith(key(x.name)));
  if (d) d.postalCodes.add(row.posta_kodu);
}
let matched = 0;
const neighbourhoods = nvi.map((row) => {
  const name = title(row.mahalle);
  const population = hoodPop.get(`${key(row.ilce)}|${key(row.mahalle)}`) ?? null;
  if (population !== null) matched++;
  return { code: row.mahalle_kimlikNo, districtCode: row.ilce_kimlikNo, name, population };
});
const seen = new Set();
for (const n of neighbourhoods) {
  const k = `${n.districtCode}|${n.name}`;
  if (seen.has(k)) fail(`two neighbourhoods named ${n.name} in district ${n.districtCode}`);
  seen.add(k);
}
if (districts.size !== 17) fail(`expected 17 districts, found ${districts.size}`);
if (neighbourhoods.length !== 1259) fail(`expected 1,259 neighbourhoods, found ${neighbourhoods.length}`);

const districtList = [...districts.values()]
  .map((d) => ({ ...d, postalCodes: [...d.postalCodes].sort() }))
  .sort((a, b) => a.name.localeCompare(b.name, 'tr'));
neighbourhoods.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.name.localeCompare(b.name, 'tr'));

// District boundaries from OpenStreetMap, matched by name (19 Mayıs is also Ondokuzmayıs).
const round = (c) => (typeof c[0] === 'number' ? c.map((v) => Math.round(v * 1e5) / 1e5) : c.map(round));
const geo = JSON.parse(fs.readFileSync(path.join(src, 'turkey-geo/samsun_osm_districts_17.geojson'), 'utf8'));
const byKey = new Map(districtList.map((d) => [key(d.name), d]));
const features = geo.features.map((f) => {
  const d = byKey.get(key(f.properties.name)) ?? (key(f.properties.name) === 'ondokuzmayıs' ? byKey.get('19mayıs') : undefined);
  if (!d) fail(`no district matches the OSM boundary ${f.properties.name}`);
  return { type: 'Feature', properties: { code: d.code, name: d.name, population: d.population }, geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } };
});
if (new Set(features.map((f) => f.properties.code)).size !== 17) fail('the boundaries do not cover the 17 districts once each');

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'districts.json'), JSON.stringify(districtList, null, 1) + '\n');
fs.writeFileSync(path.join(out, 'neighbourhoods.json'), '[\n' + neighbourhoods.map((n) => JSON.stringify(n)).join(',\n') + '\n]\n');
fs.writeFileSync(path.join(out, 'samsun-districts.geojson'), JSON.stringify({ type: 'FeatureCollection', attribution: '© OpenStreetMap contributors, ODbL 1.0', features }) + '\n');
console.log(`districts ${districtList.length}, neighbourhoods ${neighbourhoods.length} (${matched} with a TÜİK population), boundaries ${features.length}`);
