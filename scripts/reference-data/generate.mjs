#!/usr/bin/env node
// Derives the reference data Çözüm seeds from the public sources in ../shared/data:
// NVİ administrative units, TÜİK populations and PTT postal codes (turkey-admin/), and
// OpenStreetMap boundaries (turkey-geo/). See the SOURCES.md in each folder.
//
// The product never reads ../shared at run time: the outputs are committed under
// packages/server/src/city-data. Run from anywhere:
//
//   node scripts/reference-data/generate.mjs
//
// Plain Node (>= 20), no dependencies. Exits non-zero when a count or a check is off.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.resolve(repoRoot, '../shared/data');
const out = path.join(repoRoot, 'packages/server/src/city-data');

const EXPECTED_DISTRICTS = 17;
const EXPECTED_NEIGHBOURHOODS = 1259;
const ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';

const problems = [];
const fail = (message) => {
  console.error(`reference data: ${message}`);
  process.exit(1);
};

// ---------------------------------------------------------------------------------------------
// Turkish-aware text helpers. Never rely on the locale for I/ı/İ/i: map them explicitly.

/** Turkish lower case: 'I' → 'ı', 'İ' → 'i', then the rest. */
const trLower = (s) => s.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
/** Turkish upper case: 'i' → 'İ', 'ı' → 'I', then the rest. */
const trUpper = (s) => s.replace(/i/g, 'İ').replace(/ı/g, 'I').toUpperCase();

const ABBREVIATIONS = new Set(['osb', 'sb']); // organised industrial zone, free zone

/** 'AŞAĞIISIRGANLI' → 'Aşağıısırganlı', '19 MAYIS' → '19 Mayıs', 'LİMAN SB' → 'Liman SB'. */
function titleCase(raw) {
  return trLower(raw.trim().replace(/\s+/g, ' '))
    .split(' ')
    .map((word) => (ABBREVIATIONS.has(word) ? trUpper(word) : word.replace(/^./u, (c) => trUpper(c))))
    .join(' ');
}

/** Matching key: Turkish case fold, no 'Mahallesi'/'Mah.' suffix, letters and digits only. */
const matchKey = (s) =>
  trLower(s.trim())
    .replace(/\s+(mahallesi|mah\.?)$/u, '')
    .replace(/[^a-zçğıöşüâîû0-9]/gu, '');

const collator = new Intl.Collator('tr');

// ---------------------------------------------------------------------------------------------
// Input

function readCsv(file) {
  const text = fs.readFileSync(path.join(src, file), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const cols = header.split(',');
  return lines.map((line, i) => {
    if (line.includes('"')) fail(`${file} line ${i + 2}: quoted CSV is not expected here`);
    const values = line.split(',');
    if (values.length !== cols.length) fail(`${file} line ${i + 2}: ${values.length} columns, expected ${cols.length}`);
    return Object.fromEntries(cols.map((c, j) => [c, values[j]]));
  });
}
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(src, file), 'utf8'));

if (!fs.existsSync(src)) fail(`source folder ${src} not found`);
const nvi = readCsv('turkey-admin/samsun_mahalleler_nvi.csv');
const tuik = readCsv('turkey-admin/samsun_nufus_tuik.csv');
const ptt = readCsv('turkey-admin/samsun_posta_kodlari_ptt.csv');
const osmDistricts = readJson('turkey-geo/samsun_osm_districts_17.geojson');
const osmAll = readJson('turkey-geo/samsun_osm_districts_and_mahalle.geojson');

// Known errors in the NVİ snapshot, fixed for display only (matching uses the raw names).
// Keyed by NVİ id with the raw name, so a changed source fails instead of being "fixed" wrongly.
const NAME_FIXES = new Map([
  ['61790', { raw: 'CUMHURIYET', name: 'Cumhuriyet' }], // Atakum: dotless I typo in NVİ (and TÜİK)
  ['70051', { raw: '19 MAYISOSB', name: '19 Mayıs OSB' }], // Tekkeköy: missing space
  ['100390', { raw: 'ÇİFTLİKOSB', name: 'Çiftlik OSB' }],
  ['70050', { raw: 'KERİMBEYOSB', name: 'Kerimbey OSB' }],
  ['70049', { raw: 'ŞABANOĞLUOSB', name: 'Şabanoğlu OSB' }],
]);

// ---------------------------------------------------------------------------------------------
// TÜİK populations. Labels: "Samsun(Atakum)", "Samsun(Atakum/Atakum Bel./Kurupelit Mah.)".

const tuikDistricts = new Map(); // district key → { id, population }
const tuikHoods = new Map(); // district key | neighbourhood key → { id, population }
for (const row of tuik) {
  const m = /^Samsun\((.*)\)$/.exec(row.label);
  if (!m) continue; // the province row
  const parts = m[1].split('/');
  const population = Number(row.population);
  if (!Number.isInteger(population)) fail(`TÜİK row ${row.label}: population ${row.population} is not a number`);
  if (row.level === 'ilce') tuikDistricts.set(matchKey(parts[0]), { id: row.tuik_id, population });
  if (row.level === 'mahalle') {
    if (parts.length !== 3 || !/\sMah\.$/.test(parts[2])) fail(`TÜİK row ${row.label}: unexpected label`);
    const k = `${matchKey(parts[0])}|${matchKey(parts[2])}`;
    if (tuikHoods.has(k)) fail(`TÜİK lists ${row.label} twice`);
    tuikHoods.set(k, { id: row.tuik_id, population });
  }
}

// ---------------------------------------------------------------------------------------------
// Districts (NVİ) with TÜİK population and PTT postal codes.

const districts = new Map(); // NVİ code → district
for (const row of nvi) {
  const code = row.ilce_kimlikNo;
  if (districts.has(code)) {
    if (districts.get(code).raw !== row.ilce.trim()) fail(`district ${code} has two names`);
    continue;
  }
  const t = tuikDistricts.get(matchKey(row.ilce));
  if (!t) fail(`no TÜİK population for district ${row.ilce}`);
  if (t.id !== code) problems.push(`district ${row.ilce}: TÜİK id ${t.id} differs from NVİ id ${code}`);
  districts.set(code, { raw: row.ilce.trim(), key: matchKey(row.ilce), code, name: titleCase(row.ilce), population: t.population, postalCodes: new Set() });
}
if (districts.size !== EXPECTED_DISTRICTS) fail(`expected ${EXPECTED_DISTRICTS} districts, found ${districts.size}`);
const districtByKey = new Map([...districts.values()].map((d) => [d.key, d]));
if (districtByKey.size !== districts.size) fail('two districts share a matching key');

// PTT files are one per district: "SAMSUN-19 MAYIS.json"; the ilce_or_bucak column adds the
// bucak/semt (Kurupelit, Kutlukent, ...), so the district comes from the file name.
for (const row of ptt) {
  const m = /^SAMSUN-(.+)\.json$/.exec(row.source_file);
  const d = m && districtByKey.get(matchKey(m[1]));
  if (!d) fail(`PTT row for ${row.mahalle}: no district for file ${row.source_file}`);
  if (!/^55\d{3}$/.test(row.posta_kodu)) fail(`PTT row for ${row.mahalle}: odd postal code ${row.posta_kodu}`);
  d.postalCodes.add(row.posta_kodu);
}
for (const d of districts.values()) if (d.postalCodes.size === 0) fail(`district ${d.name} has no postal code`);

const districtList = [...districts.values()]
  .map((d) => ({ code: d.code, name: d.name, population: d.population, postalCodes: [...d.postalCodes].sort() }))
  .sort((a, b) => collator.compare(a.name, b.name));

// ---------------------------------------------------------------------------------------------
// Neighbourhoods (NVİ mahalle) with TÜİK population.

let byName = 0;
let idsDisagree = 0;
const unmatched = [];
const neighbourhoods = nvi.map((row) => {
  const district = districts.get(row.ilce_kimlikNo);
  const raw = row.mahalle.trim();
  if (`${raw} MAHALLESİ` !== row.bilesenAdi.trim().replace(/\s+/g, ' ')) problems.push(`mahalle ${row.mahalle_kimlikNo}: name ${raw} vs full name ${row.bilesenAdi}`);
  let name = titleCase(raw);
  const fix = NAME_FIXES.get(row.mahalle_kimlikNo);
  if (fix) {
    if (fix.raw !== raw) fail(`name fix for ${row.mahalle_kimlikNo} expects ${fix.raw}, the source says ${raw}: review NAME_FIXES`);
    name = fix.name;
  }
  const t = tuikHoods.get(`${district.key}|${matchKey(raw)}`);
  if (t) {
    byName++;
    if (t.id !== row.mahalle_kimlikNo) idsDisagree++;
  } else unmatched.push(`${district.name}/${name}`);
  return { code: row.mahalle_kimlikNo, districtCode: district.code, name, population: t ? t.population : null, key: matchKey(raw) };
});
if (neighbourhoods.length !== EXPECTED_NEIGHBOURHOODS) fail(`expected ${EXPECTED_NEIGHBOURHOODS} neighbourhoods, found ${neighbourhoods.length}`);
{
  const codes = new Set();
  const names = new Set();
  const keys = new Set();
  for (const n of neighbourhoods) {
    if (!/^\d+$/.test(n.code)) fail(`neighbourhood code ${n.code} is not numeric`);
    if (codes.has(n.code)) fail(`neighbourhood code ${n.code} appears twice`);
    codes.add(n.code);
    const nameKey = `${n.districtCode}|${trLower(n.name)}`;
    if (names.has(nameKey)) fail(`two neighbourhoods named ${n.name} in district ${districts.get(n.districtCode).name}`);
    names.add(nameKey);
    const k = `${n.districtCode}|${n.key}`;
    if (keys.has(k)) fail(`two neighbourhoods in district ${districts.get(n.districtCode).name} share the matching key ${n.key}`);
    keys.add(k);
  }
  for (const d of districts.values()) if (codes.has(d.code)) fail(`code ${d.code} is both a district and a neighbourhood`);
}
if (byName < EXPECTED_NEIGHBOURHOODS - 20) fail(`only ${byName} neighbourhoods matched a TÜİK population; expected about 1,250`);
if (idsDisagree) problems.push(`${idsDisagree} name matches have a TÜİK id different from the NVİ id`);

const districtOrder = new Map(districtList.map((d, i) => [d.code, i]));
neighbourhoods.sort((a, b) => districtOrder.get(a.districtCode) - districtOrder.get(b.districtCode) || collator.compare(a.name, b.name));
const hoodByKey = new Map(neighbourhoods.map((n) => [`${n.districtCode}|${n.key}`, n]));

// ---------------------------------------------------------------------------------------------
// Geometry helpers

const round5 = (v) => Math.round(v * 1e5) / 1e5;
/** Round a ring to 5 decimals (about 1 m), drop repeated points, keep it closed. */
function roundRing(ring) {
  const outRing = [];
  for (const [x, y] of ring) {
    const p = [round5(x), round5(y)];
    const last = outRing[outRing.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) outRing.push(p);
  }
  const [first] = outRing;
  const last = outRing[outRing.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) outRing.push([first[0], first[1]]);
  return outRing.length >= 4 ? outRing : null;
}
function roundGeometry(geometry, label) {
  const polygon = (rings) => {
    const rounded = rings.map(roundRing);
    if (!rounded[0]) fail(`${label}: outer ring collapses when rounded`);
    return rounded.filter(Boolean);
  };
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
  return fail(`${label}: unsupported geometry ${geometry.type}`);
}
function ringContains(ring, [x, y]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function geometryContains(geometry, point) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([outer, ...holes]) => ringContains(outer, point) && !holes.some((h) => ringContains(h, point)));
}
function outerVertices(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap(([outer]) => outer.slice(0, -1));
}
const featureLines = (collection) =>
  `{"type":"FeatureCollection","attribution":${JSON.stringify(collection.attribution)},"features":[\n` +
  collection.features.map((f) => JSON.stringify(f)).join(',\n') +
  '\n]}\n';

// ---------------------------------------------------------------------------------------------
// District boundaries (OSM admin_level 6), matched by name or alt_name (19 Mayıs = Ondokuzmayıs).

const districtAliases = new Map([['ondokuzmayıs', '19mayıs']]);
const findDistrict = (name) => (name ? districtByKey.get(districtAliases.get(matchKey(name)) ?? matchKey(name)) : undefined);

const districtFeatures = osmDistricts.features.map((f) => {
  const p = f.properties;
  const d = findDistrict(p.name) ?? findDistrict(p['name:tr']) ?? findDistrict(p.alt_name);
  if (!d) fail(`no district matches the OSM boundary ${p.name}`);
  return { type: 'Feature', properties: { code: d.code, name: d.name, population: d.population }, geometry: roundGeometry(f.geometry, p.name) };
});
if (districtFeatures.length !== EXPECTED_DISTRICTS) fail(`expected ${EXPECTED_DISTRICTS} district boundaries, found ${districtFeatures.length}`);
if (new Set(districtFeatures.map((f) => f.properties.code)).size !== EXPECTED_DISTRICTS) fail('the boundaries do not cover the 17 districts once each');
districtFeatures.sort((a, b) => districtOrder.get(a.properties.code) - districtOrder.get(b.properties.code));

// ---------------------------------------------------------------------------------------------
// Neighbourhood boundaries (OSM admin_level 8). Parent district from the feature's @relations;
// the 18 features without one get it from where they lie (their vertices and centroid inside
// a district polygon). A feature matches when exactly one candidate district has a mahalle of
// that name.

const osmDistrictGeometry = osmAll.features
  .filter((f) => f.properties.admin_level === '6')
  .map((f) => ({ district: findDistrict(f.properties.name) ?? findDistrict(f.properties.alt_name), geometry: f.geometry }));
if (osmDistrictGeometry.some((g) => !g.district)) fail('an admin_level 6 feature in samsun_osm_districts_and_mahalle.geojson matches no district');

const hoodFeatures = [];
const osmUnmatched = [];
let viaRelation = 0;
let viaLocation = 0;
const osmHoods = osmAll.features.filter((f) => f.properties.admin_level === '8');
for (const f of osmHoods) {
  const p = f.properties;
  let candidates = (p['@relations'] ?? [])
    .filter((r) => r.reltags?.admin_level === '6')
    .map((r) => findDistrict(r.reltags.name) ?? findDistrict(r.reltags.alt_name))
    .filter(Boolean);
  const located = candidates.length === 0;
  if (located) {
    const vertices = outerVertices(f.geometry);
    const centroid = [vertices.reduce((s, v) => s + v[0], 0) / vertices.length, vertices.reduce((s, v) => s + v[1], 0) / vertices.length];
    candidates = osmDistrictGeometry.filter((g) => [centroid, ...vertices].some((pt) => geometryContains(g.geometry, pt))).map((g) => g.district);
  }
  const names = [p['name:tr'], p.name, p.alt_name].filter(Boolean);
  const hits = new Map();
  for (const d of new Set(candidates)) {
    for (const name of names) {
      const n = hoodByKey.get(`${d.code}|${matchKey(name)}`);
      if (n) hits.set(n.code, n);
    }
  }
  if (hits.size !== 1) {
    osmUnmatched.push(`${p.name} (${[...new Set(candidates)].map((d) => d.name).join('/') || 'no district'}${hits.size > 1 ? ', ambiguous' : ''})`);
    continue;
  }
  const [n] = hits.values();
  if (hoodFeatures.some((h) => h.properties.code === n.code)) {
    osmUnmatched.push(`${p.name} (a second polygon for ${n.name})`);
    continue;
  }
  if (located) viaLocation++;
  else viaRelation++;
  hoodFeatures.push({ type: 'Feature', properties: { code: n.code, districtCode: n.districtCode, name: n.name }, geometry: roundGeometry(f.geometry, p.name) });
}
hoodFeatures.sort((a, b) => districtOrder.get(a.properties.districtCode) - districtOrder.get(b.properties.districtCode) || collator.compare(a.properties.name, b.properties.name));

// ---------------------------------------------------------------------------------------------
// Output

const neighbourhoodRows = neighbourhoods.map(({ code, districtCode, name, population }) => ({ code, districtCode, name, population }));
fs.mkdirSync(out, { recursive: true });
const write = (file, text) => {
  fs.writeFileSync(path.join(out, file), text);
  return `${file} ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
};
const written = [
  write('districts.json', JSON.stringify(districtList, null, 2) + '\n'),
  write('neighbourhoods.json', '[\n' + neighbourhoodRows.map((n) => JSON.stringify(n)).join(',\n') + '\n]\n'),
  write('samsun-districts.geojson', featureLines({ attribution: ATTRIBUTION, features: districtFeatures })),
  write('samsun-neighbourhoods.geojson', featureLines({ attribution: ATTRIBUTION, features: hoodFeatures })),
];

const fmt = (n) => n.toLocaleString('en-US');
const hoodSum = neighbourhoodRows.reduce((s, n) => s + (n.population ?? 0), 0);
const districtSum = districtList.reduce((s, d) => s + d.population, 0);
console.log(`districts:      ${districtList.length} (population ${fmt(districtSum)}, ${districtList.reduce((s, d) => s + d.postalCodes.length, 0)} postal codes)`);
console.log(`neighbourhoods: ${fmt(neighbourhoodRows.length)}, ${fmt(byName)} with a TÜİK population matched by district + name (population ${fmt(hoodSum)})`);
console.log(`                ${unmatched.length} without: ${unmatched.join(', ')}`);
console.log(`boundaries:     ${districtFeatures.length} districts; ${hoodFeatures.length} of ${osmHoods.length} OSM mahalle polygons matched (${viaRelation} by parent relation, ${viaLocation} by location)`);
if (osmUnmatched.length) console.log(`                not matched: ${osmUnmatched.join(', ')}`);
for (const p of problems) console.log(`warning: ${p}`);
console.log(`wrote ${path.relative(process.cwd(), out) || '.'}: ${written.join(', ')}`);
