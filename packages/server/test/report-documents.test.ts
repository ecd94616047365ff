/**
 * The report's PDF and XLSX speak the reader's language: Turkish by default (headings, figures'
 * names, channel and month names, 1.500 and %93,93 and 29.10.2026), English with lang=en; the
 * title names the period and the district and unit the figures are narrowed to; and no two
 * words of the PDF overlap, even with long names. The PDF is read back with pdftotext
 * (poppler-utils), the workbook with exceljs.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { writeDemoYear } from '../src/demo/demo-year.js';
import { useTestApp, type TestContext } from './harness.js';
import { pdfText, pdftotext } from './pdftotext.js';

const COMPARED = 'from=2025-01&to=2025-12&compareFrom=2024-01&compareTo=2024-12';
// Longer than any column of the PDF can hold on one line, or on two.
const LONG_TOPIC = 'Büyükşehir Belediyesi Sınırları İçindeki Kırsal Mahallelerde Yol, Kaldırım, Yağmur Suyu Kanalı ve Aydınlatma Arızalarının Giderilmesi Talebi';

let ctx: TestContext;
let supervisor: Record<string, string>;
const rows = async <T>(query: ReturnType<typeof sql>) => ((await ctx.database.db.execute(query)) as unknown as { rows: T[] }).rows;

useTestApp(async (started) => {
  ctx = started;
  await writeDemoYear(ctx.database, { year: 2024, seed: 3, targets: { offered: 1300, answered: 1196, instant: 700, routed: 496 } });
  await writeDemoYear(ctx.database, { year: 2025, seed: 3, targets: { offered: 1500, answered: 1409, instant: 815, routed: 594 } });
  // The demo's requests all came by phone: a few come by other channels here.
  for (const channel of ['whatsapp', 'email', 'web']) {
    await ctx.database.db.execute(sql`update requests set channel = ${channel} where id in (select id from requests where channel = 'phone' and created_at >= '2025-02-01' order by id limit 7)`);
  }
  await ctx.database.db.execute(sql`update categories set name_tr = ${LONG_TOPIC} where id = (select category_id from requests where created_at >= '2025-01-01' group by 1 order by count(*) desc limit 1)`);
  supervisor = await ctx.signIn('supervisor');
}, { timeout: 240_000, now: () => new Date('2026-10-29T10:00:00+03:00') });

const exported = async (query: string) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports/export?${query}`, headers: supervisor });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

/** Pairs of words whose boxes overlap on a page, and words outside their page (pdftotext -bbox). */
function overlaps(pdf: Buffer): string[] {
  const found: string[] = [];
  pdftotext(pdf, '-bbox').split('<page ').slice(1).forEach((page, p) => {
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!.map(Number);
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }));
    words.forEach((a, i) => {
      if (a.x0 < 0 || a.y0 < 0 || a.x1 > width! || a.y1 > height!) found.push(`page ${p + 1}: '${a.text}' outside the page`);
      for (const b of words.slice(i + 1)) {
        const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (across > 0.5 && down > 0.5) found.push(`page ${p + 1}: '${a.text}' overlaps '${b.text}'`);
      }
    });
  });
  return found;
}

/** The label as whole words: 'Web portal' is not in 'Web portalı'. */
const asWords = (label: string) => new RegExp(`(?<!\\p{L})${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');

const TURKISH = [
  'Samsun Büyükşehir Belediyesi', 'ALO 153 Yıllık Rapor 2025', '01.01.2025 – 31.12.2025, 2024 ile karşılaştırmalı', 'Hazırlanma tarihi: 29.10.2026',
  'Çağrılar ve başvurular', 'Gösterge', 'Değişim', 'Gelen çağrı', 'Karşılanan çağrı', 'Karşılama oranı', 'Karşılanamayan çağrı', 'Anlık bilgilendirme', 'Birimlere yönlendirilen', 'Başvuru (tüm kanallar)',
  'Memnuniyet: Ortalama', 'Aylara göre çağrılar', 'Oca', 'Ağu', 'Ara', 'Gelen', 'Karşılanan', 'Konu grupları', 'En sık başvuru konuları', 'İlçeler', 'En yoğun mahalleler',
  'Birimler: zamanında çözülen payı', 'Birim', 'Çözülen', 'Ortanca süre', 'Zamanında', 'Kanallara göre başvurular', 'Memnuniyet yanıtları (1–5)', 'Puan 5', 'Sayfa 1 /',
  'Telefon', 'WhatsApp', 'E-posta', 'Web portalı',
];
const ENGLISH = [
  'Samsun Metropolitan Municipality', 'ALO 153 Annual Report 2025', '1 January 2025 – 31 December 2025, compared with 2024', 'Prepared on 29 October 2026',
  'Calls and requests', 'Figure', 'Change', 'Calls offered', 'Calls answered', 'Answer rate', 'Calls not answered', 'Instant information', 'Routed to a unit', 'Requests, all channels',
  'Satisfaction: Average', 'Calls by month', 'Jan', 'Aug', 'Dec', 'Offered', 'Answered', 'Topic groups', 'Busiest topics', 'Districts', 'Busiest neighbourhoods',
  'Units: share solved on time', 'Unit', 'Resolved', 'Median time', 'On time', 'Requests by channel', 'Satisfaction answers (1–5)', 'Score 5', 'Page 1 of',
  'Phone', 'WhatsApp', 'E-mail', 'Web portal',
];

describe('the PDF', () => {
  test('is in Turkish by default: headings, figures, channel and month names, Turkish numbers and dates, no English label', async () => {
    const res = await exported(`${COMPARED}&format=pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="alo153-rapor-2025.pdf"');
    const text = pdfText(res.rawPayload);
    for (const label of TURKISH) expect(text).toContain(label);
    // 1.500 offered against 1.300; 1.409 / 1.500 answered is %93,93, 1,93 points above 2024's %92,00.
    expect(text).toMatch(/Gelen çağrı 1\.500 1\.300 \+200 /);
    expect(text).toMatch(/Karşılama oranı %93,93 %92,00 \+1,93 puan /);
    // Short words (Jan, Unit) might be part of a place's name; the longer labels may not appear.
    for (const label of ENGLISH.filter((l) => !TURKISH.includes(l) && l.length > 5)) expect(text).not.toMatch(asWords(label));
    // Nor a channel's code.
    expect(text).not.toMatch(/\b(phone|email|whatsapp|web)\b/);
  });

  test('lang=en gives the English document, with the English names of units and topics', async () => {
    const res = await exported(`${COMPARED}&format=pdf&lang=en`);
    expect(res.headers['content-disposition']).toBe('attachment; filename="alo153-report-2025.pdf"');
    const text = pdfText(res.rawPayload);
    for (const label of ENGLISH) expect(text).toContain(label);
    expect(text).toMatch(/Calls offered 1,500 1,300 \+200 /);
    expect(text).toMatch(/Answer rate 93\.93% 92\.00% \+1\.93 points /);
    for (const label of TURKISH.filter((l) => !ENGLISH.includes(l) && l.length > 5)) expect(text).not.toMatch(asWords(label));
    const [unit] = await rows<{ nameTr: string; nameEn: string }>(sql`select u.name_tr as "nameTr", u.name_en as "nameEn" from units u where u.id = (select unit_id from requests where created_at >= '2025-01-01' group by 1 order by count(*) desc limit 1)`);
    expect(text).toContain(unit!.nameEn);
    expect(text).not.toContain(unit!.nameTr);
  });

  test('the title names the period, the district and the unit it is narrowed to, and says the calls are the whole city’s', async () => {
    const [district] = await rows<{ id: number }>(sql`select id from districts where name = 'İlkadım'`);
    const [unit] = await rows<{ id: number; nameTr: string; nameEn: string }>(sql`select id, name_tr as "nameTr", name_en as "nameEn" from units where code = 'fen-isleri'`);
    const query = `from=2025-01&to=2025-06&districtId=${district!.id}&unitId=${unit!.id}&format=pdf`;
    const tr = pdfText((await exported(query)).rawPayload);
    expect(tr).toContain(`Samsun Büyükşehir Belediyesi ALO 153 Dönem Raporu Ocak – Haziran 2025 — İlkadım — ${unit!.nameTr} 01.01.2025 – 30.06.2025`);
    expect(tr).toContain('çağrı rakamları şehrin tamamının');
    const en = pdfText((await exported(`${query}&lang=en`)).rawPayload);
    expect(en).toContain(`ALO 153 Report January – June 2025 — İlkadım — ${unit!.nameEn} 1 January 2025 – 30 June 2025`);
    const month = pdfText((await exported(`from=2025-03&to=2025-03&format=pdf&channel=whatsapp`)).rawPayload);
    expect(month).toContain('ALO 153 Aylık Rapor Mart 2025 — Kanal: WhatsApp');
  });

  test('no two words overlap and none leaves its page, with a topic name longer than its column', async () => {
    for (const lang of ['tr', 'en']) {
      const res = await exported(`${COMPARED}&format=pdf&lang=${lang}`);
      expect(overlaps(res.rawPayload)).toEqual([]);
    }
    // The long name is cut with an ellipsis within its column, not drawn over the bars.
    const text = pdfText((await exported(`${COMPARED}&format=pdf`)).rawPayload);
    expect(text).toContain('Büyükşehir Belediyesi Sınırları');
    expect(text).not.toContain(LONG_TOPIC);
    expect(text).toMatch(/Büyükşehir Belediyesi Sınırları[^…]{10,80}…/);
  });

  test('an unknown language, district or unit is a 400 naming the field', async () => {
    const de = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports/export?${COMPARED}&format=pdf&lang=de`, headers: supervisor });
    expect(de.statusCode).toBe(400);
    expect(de.json().error.message).toMatch(/lang/);
    const district = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports/export?${COMPARED}&format=pdf&districtId=999999`, headers: supervisor });
    expect(district.statusCode).toBe(400);
    expect(district.json().error.message).toMatch(/^querystring\.districtId: no district has id 999999/);
    const unit = await ctx.app.inject({ method: 'GET', url: `/api/v1/reports/export?${COMPARED}&format=xlsx&unitId=999999`, headers: supervisor });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.message).toMatch(/^querystring\.unitId: /);
  });
});

describe('the XLSX', () => {
  const workbook = async (query: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported(query)).rawPayload as unknown as ArrayBuffer);
    return book;
  };
  const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

  test('has Turkish sheet names, headers, names and number formats by default, and columns as wide as their text', async () => {
    const book = await workbook(`${COMPARED}&format=xlsx`);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Özet', 'Konu grupları', 'Konular', 'İlçeler', 'Mahalleler', 'Birimler', 'Kanallar', 'Memnuniyet', 'Aylar', 'Saat ve gün']);
    const summary = book.getWorksheet('Özet')!;
    expect(summary.getCell('A1').value).toBe('Samsun Büyükşehir Belediyesi — ALO 153 Yıllık Rapor 2025');
    expect(summary.getCell('A2').value).toBe('01.01.2025 – 31.12.2025, 2024 ile karşılaştırmalı. Hazırlanma tarihi: 29.10.2026.');
    expect(values(summary, 4)).toEqual(['Gösterge', '2025', '2024', 'Değişim']);
    expect(values(summary, 5)).toEqual(['Gelen çağrı', 1500, 1300, 200]);
    expect(summary.getCell('B5').numFmt).toBe('#,##0');
    expect(summary.getCell('A7').value).toBe('Karşılama oranı');
    expect(summary.getCell('B7').value).toBeCloseTo(1409 / 1500, 10);
    // The percent sign before the number, as Turkish writes it: %93,93.
    expect(summary.getCell('B7').numFmt).toBe('%0.00');
    expect(summary.getCell('D7').numFmt).toContain('" puan"');

    const channels = book.getWorksheet('Kanallar')!;
    expect(values(channels, 1)).toEqual(['Kod', 'Kanal', 'Başvuru', 'Pay']);
    const names = Array.from({ length: channels.rowCount - 1 }, (_, i) => channels.getCell(i + 2, 2).value);
    expect(names).toEqual(expect.arrayContaining(['Telefon', 'WhatsApp', 'E-posta', 'Web portalı']));
    expect(channels.getCell('D2').numFmt).toBe('%0.0');
    expect(values(book.getWorksheet('Aylar')!, 2)[0]).toBe('Ocak 2025');
    expect(values(book.getWorksheet('Saat ve gün')!, 2)[0]).toBe('Pazartesi');
    expect(values(book.getWorksheet('Birimler')!, 1)).toEqual(['Kod', 'Birim', 'Başvuru', 'Çözülen', 'Ortanca süre (saat)', '%90 süre (saat)', 'Zamanında']);

    // Each column as wide as its longest cell, up to 60 characters: the long topic name is capped.
    const units = book.getWorksheet('Birimler')!;
    const longestUnit = Math.max(...Array.from({ length: units.rowCount - 1 }, (_, i) => String(units.getCell(i + 2, 2).value).length));
    expect(units.getColumn(2).width).toBe(Math.min(60, longestUnit + 2));
    expect(units.getColumn(5).width).toBe('Ortanca süre (saat)'.length + 2);
    expect(book.getWorksheet('Konular')!.getColumn(2).width).toBe(60);
  });

  test('lang=en has English sheet names, headers and names, the title names the district', async () => {
    const [district] = await rows<{ id: number }>(sql`select id from districts where name = 'Atakum'`);
    const book = await workbook(`${COMPARED}&format=xlsx&lang=en&districtId=${district!.id}`);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Topic groups', 'Topics', 'Districts', 'Neighbourhoods', 'Units', 'Channels', 'Satisfaction', 'Months', 'Hour x weekday']);
    const summary = book.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe('Samsun Metropolitan Municipality — ALO 153 Annual Report 2025 — Atakum');
    expect(values(summary, 4)).toEqual(['Figure', '2025', '2024', 'Change']);
    expect(values(summary, 5)).toEqual(['Calls offered', 1500, 1300, 200]);
    expect(summary.getCell('B7').numFmt).toBe('0.00%');
    expect(values(book.getWorksheet('Months')!, 2)[0]).toBe('January 2025');
    expect(values(book.getWorksheet('Channels')!, 1)).toEqual(['Code', 'Channel', 'Requests', 'Share']);
  });
});
