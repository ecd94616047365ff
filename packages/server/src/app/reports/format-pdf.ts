/**
 * The report as a PDF document: the headline figures beside the compared year, then bar
 * charts (topics, districts, months, units' on-time share) drawn with pdfkit's vector API,
 * and the units' table. DejaVu Sans is embedded because PDF's standard fonts lack ğ, ş, ı, İ.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Report } from './report.js';
import { hours, n, pct, signed } from './format-text.js';

const FONTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts');
const BLUE = '#1c7ed6';
const GREY = '#868e96';
const LIGHT = '#a5d8ff';

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string) {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#000').text(text, 50).moveDown(0.3);
}

/** Horizontal bars, one per item, scaled to the largest. */
function barChart(doc: Doc, items: { label: string; value: number; text: string }[]) {
  const left = 50;
  const labelWidth = 190;
  const barWidth = doc.page.width - 100 - labelWidth - 70;
  const max = Math.max(1, ...items.map((i) => i.value));
  doc.font('regular').fontSize(8.5);
  for (const item of items) {
    if (doc.y > doc.page.height - 70) doc.addPage();
    const y = doc.y;
    doc.fillColor('#000').text(item.label, left, y, { width: labelWidth - 8, ellipsis: true, lineBreak: false });
    doc.rect(left + labelWidth, y, Math.max(0.5, (item.value / max) * barWidth), 9).fill(BLUE);
    doc.fillColor(GREY).text(item.text, left + labelWidth + barWidth + 6, y, { width: 64, lineBreak: false });
    doc.y = y + 13;
  }
  doc.x = left;
}

/** Vertical paired columns per month: offered (light) and answered (dark). */
function monthChart(doc: Doc, months: Report['months']) {
  if (!months.length) return;
  if (doc.y > doc.page.height - 220) doc.addPage();
  const left = 70;
  const top = doc.y + 5;
  const height = 140;
  const width = doc.page.width - 130;
  const max = Math.max(1, ...months.map((m) => m.offered));
  const slot = width / months.length;
  doc.font('regular').fontSize(7).fillColor(GREY);
  for (const tick of [0, 0.5, 1]) {
    const y = top + height - tick * height;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.3).strokeColor('#dee2e6').stroke();
    doc.text(n(Math.round(max * tick)), 10, y - 4, { width: 55, align: 'right' });
  }
  months.forEach((m, i) => {
    const x = left + i * slot + slot * 0.15;
    const w = slot * 0.35;
    doc.rect(x, top + height - (m.offered / max) * height, w, (m.offered / max) * height).fill(LIGHT);
    doc.rect(x + w, top + height - (m.answered / max) * height, w, (m.answered / max) * height).fill(BLUE);
    doc.fillColor(GREY).text(m.month.slice(2), left + i * slot, top + height + 3, { width: slot, align: 'center' });
  });
  doc.rect(left, top + height + 16, 8, 8).fill(LIGHT);
  doc.fillColor('#000').text('offered', left + 12, top + height + 17);
  doc.rect(left + 60, top + height + 16, 8, 8).fill(BLUE);
  doc.fillColor('#000').text('answered', left + 72, top + height + 17);
  doc.x = 50;
  doc.y = top + height + 34;
}

export function reportPdf(r: Report): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Çözüm Merkezi raporu ${r.period.label}`, Author: 'Çözüm' } });
  doc.registerFont('regular', path.join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(20).text(`Çözüm Merkezi — ${r.period.label}`);
  doc.font('regular').fontSize(10).fillColor(GREY).text(`Solution centre report, ${r.period.from} to ${r.period.to}${r.compare ? `, compared with ${r.compare.period.label}` : ''}`);

  heading(doc, 'Calls');
  const rows: [string, string, string?][] = [
    ['Offered', n(r.offered), r.change && `${signed(r.change.offered)} (${n(r.compare!.offered)})`],
    ['Answered', n(r.answered), r.change && `${signed(r.change.answered)} (${n(r.compare!.answered)})`],
    ['Answer rate', pct(r.answerRate), r.change && r.change.answerRatePoints !== null ? `${r.change.answerRatePoints >= 0 ? '+' : ''}${r.change.answerRatePoints.toFixed(2)} points (${pct(r.compare!.answerRate)})` : undefined],
    ['Instant information', n(r.instant), r.change && `${signed(r.change.instant)} (${n(r.compare!.instant)})`],
    ['Routed to a unit', n(r.routed), r.change && `${signed(r.change.routed)} (${n(r.compare!.routed)})`],
    ['Requests, all channels', n(r.requests), r.change && `${signed(r.change.requests)} (${n(r.compare!.requests)})`],
    ['Satisfaction', r.satisfaction.average === null ? '—' : `${r.satisfaction.average.toFixed(2)} / 5`, `${n(r.satisfaction.count)} answers`],
  ];
  doc.fontSize(10);
  for (const [label, value, change] of rows) {
    const y = doc.y;
    doc.font('regular').fillColor('#000').text(label, 50, y, { width: 160 });
    doc.font('bold').text(value, 210, y, { width: 100, align: 'right' });
    if (change) doc.font('regular').fillColor(GREY).text(change, 330, y, { width: 215 });
    doc.y = y + 15;
  }
  if (r.answered) barChart(doc, [
    { label: 'Instant information', value: r.instant, text: pct(r.instant / r.answered, 1) },
    { label: 'Routed to a unit', value: r.routed, text: pct(r.routed / r.answered, 1) },
  ]);

  heading(doc, 'Calls by month');
  monthChart(doc, r.months);
  heading(doc, 'Topics');
  barChart(doc, r.topicGroups.slice(0, 12).map((t) => ({ label: t.name, value: t.count, text: `${n(t.count)}` })));
  heading(doc, 'Busiest topics');
  barChart(doc, r.topics.slice(0, 12).map((t) => ({ label: t.name, value: t.count, text: `${n(t.count)}` })));
  heading(doc, 'Districts');
  barChart(doc, r.districts.map((d) => ({ label: d.name, value: d.count, text: `${n(d.count)}` })));
  heading(doc, 'Busiest neighbourhoods');
  barChart(doc, r.neighbourhoods.slice(0, 12).map((x) => ({ label: `${x.districtName} / ${x.name}`, value: x.count, text: `${n(x.count)}` })));
  heading(doc, 'Units: share solved on time');
  barChart(doc, r.units.slice(0, 20).map((u) => ({ label: u.name, value: u.onTimeShare ?? 0, text: pct(u.onTimeShare, 1) })));

  heading(doc, 'Units');
  doc.fontSize(8);
  const cols = [50, 250, 305, 360, 415, 470];
  const header = ['unit', 'requests', 'resolved', 'median', 'p90', 'on time'];
  const line = (cells: string[], font: string) => {
    if (doc.y > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    doc.font(font).fillColor('#000');
    cells.forEach((c, i) => doc.text(c, cols[i]!, y, { width: i === 0 ? 195 : 50, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true }));
    doc.y = y + 12;
  };
  line(header, 'bold');
  for (const u of r.units) line([u.name, n(u.count), n(u.resolved), hours(u.medianHours), hours(u.p90Hours), pct(u.onTimeShare, 1)], 'regular');

  heading(doc, 'Channels');
  barChart(doc, r.channels.map((c) => ({ label: c.channel, value: c.count, text: pct(c.share, 1) })));
  doc.end();
  return done;
}
