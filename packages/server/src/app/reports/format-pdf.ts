/**
 * The report as a PDF document in Turkish or English: the title with what the figures are
 * narrowed to, the headline figures beside the compared period, bar charts (instant vs routed,
 * months, topics, districts, neighbourhoods, units' on-time share, channels, satisfaction) and
 * the units' table, drawn with pdfkit's vector API.
 *
 * Every line is placed by hand (pdfkit never wraps or breaks a page on its own here): a name
 * wraps within its column and is cut with an ellipsis beyond two lines, a section starts on a
 * new page when its heading and first rows would not fit, and a table repeats its header on
 * each page. DejaVu Sans is embedded because PDF's standard fonts lack ğ, ş, ı, İ.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Report } from './report.js';
import { narrowsRequestsOnly, periodLine, reportLanguage, reportName, reportTitle, scopeParts, type ReportDocumentOptions, type ReportLanguage } from './report-labels.js';

const FONTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts');
const BLUE = '#1c7ed6';
const GREY = '#868e96';
const LIGHT = '#a5d8ff';
const RULE = '#dee2e6';
const MARGIN = 50;
const LEFT = MARGIN;
const ELLIPSIS = '…';

type Doc = InstanceType<typeof PDFDocument>;
type Font = 'regular' | 'bold';

const right = (doc: Doc) => doc.page.width - MARGIN;
const bottom = (doc: Doc) => doc.page.height - MARGIN;

/** Starts a new page unless `height` more points fit above the bottom margin. */
function ensure(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function style(doc: Doc, font: Font, size: number, color = '#000') {
  doc.font(font).fontSize(size).fillColor(color);
}

/** One line at (x, y), never wrapped and never moving to another page. */
function write(doc: Doc, text: string, x: number, y: number) {
  doc.text(text, x, y, { lineBreak: false });
}

function writeRight(doc: Doc, text: string, rightEdge: number, y: number) {
  write(doc, text, rightEdge - doc.widthOfString(text), y);
}

/** The text cut to `width` in the current font, ending in an ellipsis when cut (or always, when `cut` is true). */
function clip(doc: Doc, text: string, width: number, cut = false): string {
  if (!cut && doc.widthOfString(text) <= width) return text;
  let kept = text;
  while (kept && doc.widthOfString(kept + ELLIPSIS) > width) kept = kept.slice(0, -1);
  return kept.trimEnd() + ELLIPSIS;
}

/** The text broken into lines of `width` in the current font; beyond `maxLines` the last is cut with an ellipsis. */
function wrap(doc: Doc, text: string, width: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let current = '';
  // Only a plain space breaks a line: a no-break space keeps a title's dash with the word before it.
  for (const word of text.split(/ +/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || doc.widthOfString(candidate) <= width) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines.map((line) => clip(doc, line, width));
  return [...lines.slice(0, maxLines - 1).map((line) => clip(doc, line, width)), clip(doc, lines[maxLines - 1]!, width, true)];
}

/** A section's heading, on a new page when it and the first `keep` points of its content would not fit. */
function heading(doc: Doc, text: string, keep: number) {
  ensure(doc, 34 + keep);
  const y = doc.y + 12;
  style(doc, 'bold', 12.5);
  write(doc, clip(doc, text, right(doc) - LEFT), LEFT, y);
  doc.y = y + 22;
}

function none(doc: Doc, l: ReportLanguage) {
  style(doc, 'regular', 9, GREY);
  write(doc, l.t.none, LEFT, doc.y);
  doc.y += 14;
}

interface Bar { label: string; value: number; text: string }

/** A heading and horizontal bars, one per item, scaled to the largest; long labels wrap in their column. */
function barSection(doc: Doc, title: string, items: Bar[], l: ReportLanguage) {
  const size = 8.5;
  const lineHeight = 10.5;
  const barHeight = 8;
  style(doc, 'regular', size);
  const labelWidth = 200;
  const textWidth = Math.max(40, ...items.map((i) => doc.widthOfString(i.text))) + 4;
  const barLeft = LEFT + labelWidth + 8;
  const barWidth = right(doc) - textWidth - 8 - barLeft;
  const rows = items.map((item) => {
    const lines = wrap(doc, item.label, labelWidth);
    return { item, lines, height: lines.length * lineHeight + 3.5 };
  });
  heading(doc, title, rows.slice(0, 3).reduce((a, r) => a + r.height, 0) || 14);
  if (!rows.length) return none(doc, l);
  const max = Math.max(...items.map((i) => i.value)) || 1;
  for (const { item, lines, height } of rows) {
    ensure(doc, height);
    const y = doc.y;
    style(doc, 'regular', size);
    lines.forEach((line, i) => write(doc, line, LEFT, y + i * lineHeight));
    doc.rect(barLeft, y + 1, Math.max(0.5, (item.value / max) * barWidth), barHeight).fill(BLUE);
    style(doc, 'regular', size, GREY);
    writeRight(doc, item.text, right(doc), y);
    doc.y = y + height;
  }
}

interface Column { header: string; width: number; align: 'left' | 'right' }

/** A heading and a table; cells wrap within their column, and the header repeats on each new page. */
function tableSection(doc: Doc, title: string | null, columns: Column[], cells: string[][], l: ReportLanguage) {
  const size = 8;
  const lineHeight = 10;
  const lay = (row: string[], font: Font) => {
    style(doc, font, size);
    const lines = row.map((text, i) => wrap(doc, text, columns[i]!.width - 6));
    return { lines, font, height: Math.max(...lines.map((x) => x.length)) * lineHeight + 3 };
  };
  const header = lay(columns.map((c) => c.header), 'bold');
  const rows = cells.map((row) => lay(row, 'regular'));
  const draw = (row: typeof header) => {
    const y = doc.y;
    style(doc, row.font, size);
    let x = LEFT;
    row.lines.forEach((lines, i) => {
      const column = columns[i]!;
      lines.forEach((line, j) => (column.align === 'left' ? write(doc, line, x, y + j * lineHeight) : writeRight(doc, line, x + column.width, y + j * lineHeight)));
      x += column.width;
    });
    doc.y = y + row.height;
  };
  const drawHeader = () => {
    draw(header);
    doc.moveTo(LEFT, doc.y - 1.5).lineTo(right(doc), doc.y - 1.5).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y += 1;
  };
  const keep = header.height + rows.slice(0, 3).reduce((a, r) => a + r.height, 0) + 1;
  if (title) heading(doc, title, keep);
  else ensure(doc, keep);
  if (!rows.length) return none(doc, l);
  drawHeader();
  for (const row of rows) {
    if (doc.y + row.height > bottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    draw(row);
  }
}

/** Paired columns per month: offered (light) and answered (dark), with the month under each pair. */
function monthSection(doc: Doc, months: Report['months'], l: ReportLanguage) {
  const height = 140;
  heading(doc, l.t.callsByMonth, height + 40);
  if (!months.length) return none(doc, l);
  const left = LEFT + 40;
  const top = doc.y + 5;
  const width = right(doc) - left;
  const max = Math.max(1, ...months.map((m) => m.offered));
  const slot = width / months.length;
  style(doc, 'regular', 7, GREY);
  for (const tick of [0, 0.5, 1]) {
    const y = top + height - tick * height;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.3).strokeColor(RULE).stroke();
    writeRight(doc, l.n(Math.round(max * tick)), left - 4, y - 4);
  }
  const years = new Set(months.map((m) => m.month.slice(0, 4))).size;
  const labels = months.map((m) => (years > 1 ? `${l.monthShort(m.month)} ${m.month.slice(2, 4)}` : l.monthShort(m.month)));
  // Every month's name when they fit under their pair, else every second or third.
  const step = Math.ceil((Math.max(...labels.map((x) => doc.widthOfString(x))) + 4) / slot);
  months.forEach((m, i) => {
    const x = left + i * slot + slot * 0.15;
    const w = slot * 0.35;
    doc.rect(x, top + height - (m.offered / max) * height, w, (m.offered / max) * height).fill(LIGHT);
    doc.rect(x + w, top + height - (m.answered / max) * height, w, (m.answered / max) * height).fill(BLUE);
    if (i % step === 0) {
      style(doc, 'regular', 7, GREY);
      write(doc, labels[i]!, Math.max(left, left + i * slot + (slot - doc.widthOfString(labels[i]!)) / 2), top + height + 5);
    }
  });
  let x = left;
  for (const [color, label] of [[LIGHT, l.t.offeredShort], [BLUE, l.t.answeredShort]] as const) {
    doc.rect(x, top + height + 18, 8, 8).fill(color);
    style(doc, 'regular', 7.5);
    write(doc, label, x + 12, top + height + 18.5);
    x += 12 + doc.widthOfString(label) + 16;
  }
  doc.y = top + height + 34;
}

export function reportPdf(r: Report, options: ReportDocumentOptions): Promise<Buffer> {
  const l = reportLanguage(options.lang);
  const { t } = l;
  const title = reportTitle(r, options.scope, l);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, lang: options.lang === 'tr' ? 'tr-TR' : 'en-GB', info: { Title: title, Author: t.organisation, Creator: 'Çözüm' } });
  doc.registerFont('regular', path.join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // The title: the municipality above, then the report's name and what it is narrowed to.
  style(doc, 'regular', 11, '#495057');
  write(doc, t.organisation, LEFT, doc.y);
  doc.y += 16;
  style(doc, 'bold', 17);
  for (const line of wrap(doc, [reportName(r, l), ...scopeParts(options.scope, l)].join('\u00a0— '), right(doc) - LEFT, 4)) {
    write(doc, line, LEFT, doc.y);
    doc.y += 21;
  }
  style(doc, 'regular', 10, GREY);
  write(doc, clip(doc, periodLine(r, l), right(doc) - LEFT), LEFT, doc.y + 2);
  doc.y += 16;
  style(doc, 'regular', 8.5, GREY);
  write(doc, t.prepared(l.date(options.preparedOn)), LEFT, doc.y);
  doc.y += 8;

  // The headline figures, beside the compared period and the change when there is one.
  const c = r.compare;
  const figures: [string, string, string?, string?][] = [
    [t.offered, l.n(r.offered), c && l.n(c.offered), r.change && l.signed(r.change.offered)],
    [t.answered, l.n(r.answered), c && l.n(c.answered), r.change && l.signed(r.change.answered)],
    [t.answerRate, l.pct(r.answerRate), c && l.pct(c.answerRate), r.change && l.points(r.change.answerRatePoints)],
    [t.abandoned, l.n(r.abandoned), c && l.n(c.abandoned), c && l.signed(r.abandoned - c.abandoned)],
    [t.instant, l.n(r.instant), c && l.n(c.instant), r.change && l.signed(r.change.instant)],
    [t.routed, l.n(r.routed), c && l.n(c.routed), r.change && l.signed(r.change.routed)],
    [t.requests, l.n(r.requests), c && l.n(c.requests), r.change && l.signed(r.change.requests)],
  ];
  const columns: Column[] = c
    ? [{ header: t.figure, width: 185, align: 'left' }, { header: l.periodName(r.period), width: 100, align: 'right' }, { header: l.periodName(c.period), width: 100, align: 'right' }, { header: t.change, width: 110, align: 'right' }]
    : [{ header: t.figure, width: 185, align: 'left' }, { header: l.periodName(r.period), width: 100, align: 'right' }];
  tableSection(doc, t.calls, columns, figures.map((row) => row.slice(0, columns.length).map((x) => x ?? '—')), l);
  const s = r.satisfaction;
  style(doc, 'regular', 8);
  write(doc, `${t.satisfaction}: ${s.average === null ? '—' : t.satisfactionSummary(l.decimal(s.average), l.n(s.count))}`, LEFT, doc.y + 3);
  doc.y += 14;
  if (narrowsRequestsOnly(options.scope)) {
    style(doc, 'regular', 8, GREY);
    for (const line of wrap(doc, t.cityWideCalls, right(doc) - LEFT, 3)) {
      write(doc, line, LEFT, doc.y);
      doc.y += 10;
    }
  }

  if (r.answered) barSection(doc, t.instantVsRouted, [
    { label: t.instant, value: r.instant, text: `${l.n(r.instant)} (${l.pct(r.instant / r.answered, 1)})` },
    { label: t.routed, value: r.routed, text: `${l.n(r.routed)} (${l.pct(r.routed / r.answered, 1)})` },
  ], l);
  monthSection(doc, r.months, l);
  const ranked = (x: { count: number; share: number }) => `${l.n(x.count)} (${l.pct(x.share, 1)})`;
  barSection(doc, t.topicGroups, r.topicGroups.slice(0, 12).map((x) => ({ label: l.name(x), value: x.count, text: ranked(x) })), l);
  barSection(doc, t.topics, r.topics.slice(0, 12).map((x) => ({ label: l.name(x), value: x.count, text: ranked(x) })), l);
  barSection(doc, t.districts, r.districts.map((x) => ({ label: x.name, value: x.count, text: ranked(x) })), l);
  barSection(doc, t.neighbourhoods, r.neighbourhoods.slice(0, 12).map((x) => ({ label: `${x.districtName} / ${x.name}`, value: x.count, text: ranked(x) })), l);
  barSection(doc, t.unitsOnTime, r.units.slice(0, 20).map((u) => ({ label: l.name(u), value: u.onTimeShare ?? 0, text: l.pct(u.onTimeShare, 1) })), l);
  tableSection(
    doc,
    t.units,
    [{ header: t.unit, width: 188, align: 'left' }, { header: t.count, width: 52, align: 'right' }, { header: t.resolved, width: 52, align: 'right' }, { header: t.median, width: 67, align: 'right' }, { header: t.p90, width: 78, align: 'right' }, { header: t.onTime, width: 58, align: 'right' }],
    r.units.map((u) => [l.name(u), l.n(u.count), l.n(u.resolved), l.hours(u.medianHours), l.hours(u.p90Hours), l.pct(u.onTimeShare, 1)]),
    l,
  );
  barSection(doc, t.channels, r.channels.map((x) => ({ label: l.channel(x.channel), value: x.count, text: ranked(x) })), l);
  barSection(doc, t.satisfactionAnswers, s.count ? s.distribution.map((count, i) => ({ label: `${t.score} ${i + 1}`, value: count, text: `${l.n(count)} (${l.pct(count / s.count, 1)})` })) : [], l);

  // The footer of every page: the report's name and the page number.
  const pages = doc.bufferedPageRange();
  const short = `${t.organisation} — ${reportName(r, l)}`;
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const y = doc.page.height - MARGIN + 18;
    style(doc, 'regular', 7.5, GREY);
    const page = t.page(i + 1, pages.count);
    writeRight(doc, page, right(doc), y);
    write(doc, clip(doc, short, right(doc) - LEFT - doc.widthOfString(page) - 20), LEFT, y);
  }
  doc.end();
  return done;
}
