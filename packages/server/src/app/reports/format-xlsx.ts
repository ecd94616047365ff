/**
 * The report as an Excel workbook in Turkish or English: one sheet per section, named in the
 * language, numbers as numbers with formats (Excel shows the grouping with the reader's own
 * separators: 1.059.219 in a Turkish Excel; the percent sign stands before the number in
 * Turkish, %93,96), and columns as wide as what they hold. The summary sheet opens with the
 * title and what the figures are narrowed to.
 */
import ExcelJS from 'exceljs';
import type { Report } from './report.js';
import { narrowsRequestsOnly, periodLine, reportLanguage, reportTitle, type ReportDocumentOptions } from './report-labels.js';

interface Column { header: string; key: string; numFmt?: string }

const COUNT = '#,##0';
const DECIMAL = '#,##0.0';
const WIDEST = 60;

export async function reportXlsx(r: Report, options: ReportDocumentOptions): Promise<Buffer> {
  const l = reportLanguage(options.lang);
  const { t } = l;
  const percent = (digits: number) => (options.lang === 'tr' ? `%0.${'0'.repeat(digits)}` : `0.${'0'.repeat(digits)}%`);
  const title = reportTitle(r, options.scope, l);
  const book = new ExcelJS.Workbook();
  book.creator = 'Çözüm';
  book.title = title;
  book.company = t.organisation;

  /** A sheet with a bold header row (frozen) above the rows, from `firstRow` on. */
  const sheet = (name: string, columns: Column[], rows: object[], firstRow = 1) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: firstRow }] });
    const header = ws.getRow(firstRow);
    columns.forEach((c, i) => {
      header.getCell(i + 1).value = c.header;
      if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
    });
    header.font = { bold: true };
    rows.forEach((row, i) => {
      const line = ws.getRow(firstRow + 1 + i);
      columns.forEach((c, j) => (line.getCell(j + 1).value = ((row as Record<string, unknown>)[c.key] ?? null) as ExcelJS.CellValue));
    });
    return ws;
  };
  /** Each column as wide as its longest cell as shown, from the header row down. */
  const fit = (ws: ExcelJS.Worksheet, firstRow = 1) => {
    ws.columns.forEach((column) => {
      let widest = 6;
      column.eachCell?.({ includeEmpty: false }, (cell, row) => {
        if (row < firstRow) return;
        const format = cell.numFmt ?? '';
        const value = cell.value;
        const shown = typeof value !== 'number' ? String(value ?? '') : format.includes('%') ? l.pct(value, 2) : format.includes('0.0') ? l.decimal(value, 2) : l.n(value);
        widest = Math.max(widest, shown.length);
      });
      column.width = Math.min(WIDEST, widest + 2);
    });
  };

  // Summary: the title, the period, then the figures beside the compared period.
  const c = r.compare;
  const figures = [
    { label: t.offered, value: r.offered, compare: c?.offered, change: r.change?.offered },
    { label: t.answered, value: r.answered, compare: c?.answered, change: r.change?.answered },
    { label: t.answerRate, value: r.answerRate, compare: c?.answerRate, change: r.change?.answerRatePoints, rate: true },
    { label: t.abandoned, value: r.abandoned, compare: c?.abandoned, change: c ? r.abandoned - c.abandoned : undefined },
    { label: t.instant, value: r.instant, compare: c?.instant, change: r.change?.instant },
    { label: t.routed, value: r.routed, compare: c?.routed, change: r.change?.routed },
    { label: t.requests, value: r.requests, compare: c?.requests, change: r.change?.requests },
  ];
  const summary = sheet(
    t.sheets.summary,
    [
      { header: t.figure, key: 'label' },
      { header: l.periodName(r.period), key: 'value', numFmt: COUNT },
      ...(c ? [{ header: l.periodName(c.period), key: 'compare', numFmt: COUNT }, { header: t.change, key: 'change', numFmt: `+${COUNT};-${COUNT};0` }] : []),
    ],
    figures,
    4,
  );
  summary.getCell('A1').value = title;
  summary.getCell('A1').font = { bold: true, size: 13 };
  summary.getCell('A2').value = `${periodLine(r, l)}. ${t.prepared(l.date(options.preparedOn))}.${narrowsRequestsOnly(options.scope) ? ` ${t.cityWideCalls}` : ''}`;
  const rateRow = summary.getRow(4 + 1 + figures.findIndex((f) => f.rate));
  rateRow.getCell(2).numFmt = percent(2);
  rateRow.getCell(3).numFmt = percent(2);
  rateRow.getCell(4).numFmt = `+0.00" ${t.points}";-0.00" ${t.points}";0.00" ${t.points}"`;
  fit(summary, 4);

  const name = (x: { name: string; nameEn: string }) => l.name(x);
  const groupNames = new Map(r.topicGroups.map((g) => [g.code, name(g)]));
  const ranked: Column[] = [{ header: t.code, key: 'code' }, { header: t.name, key: 'name' }, { header: t.count, key: 'count', numFmt: COUNT }, { header: t.share, key: 'share', numFmt: percent(1) }];
  fit(sheet(t.sheets.topicGroups, ranked, r.topicGroups.map((x) => ({ ...x, name: name(x) }))));
  fit(sheet(t.sheets.topics, [...ranked, { header: t.group, key: 'group' }], r.topics.map((x) => ({ ...x, name: name(x), group: x.groupCode ? groupNames.get(x.groupCode) : null }))));
  fit(sheet(t.sheets.districts, [...ranked, { header: t.population, key: 'population', numFmt: COUNT }, { header: t.perThousand, key: 'perThousand', numFmt: '0.00' }], r.districts));
  fit(sheet(t.sheets.neighbourhoods, [{ header: t.district, key: 'districtName' }, ...ranked.map((x) => (x.key === 'name' ? { ...x, header: t.neighbourhood } : x)), { header: t.population, key: 'population', numFmt: COUNT }], r.neighbourhoods));
  fit(sheet(
    t.sheets.units,
    [{ header: t.code, key: 'code' }, { header: t.unit, key: 'name' }, { header: t.count, key: 'count', numFmt: COUNT }, { header: t.resolved, key: 'resolved', numFmt: COUNT }, { header: t.medianHours, key: 'medianHours', numFmt: DECIMAL }, { header: t.p90Hours, key: 'p90Hours', numFmt: DECIMAL }, { header: t.onTime, key: 'onTimeShare', numFmt: percent(1) }],
    r.units.map((x) => ({ ...x, name: name(x) })),
  ));
  fit(sheet(t.sheets.channels, [{ header: t.code, key: 'channel' }, { header: t.channel, key: 'label' }, { header: t.count, key: 'count', numFmt: COUNT }, { header: t.share, key: 'share', numFmt: percent(1) }], r.channels.map((x) => ({ ...x, label: l.channel(x.channel) }))));
  fit(sheet(t.sheets.satisfaction, [{ header: t.score, key: 'score' }, { header: t.answersColumn, key: 'count', numFmt: COUNT }], r.satisfaction.distribution.map((count, i) => ({ score: i + 1, count }))));
  fit(sheet(
    t.sheets.months,
    [{ header: t.month, key: 'label' }, { header: t.offeredShort, key: 'offered', numFmt: COUNT }, { header: t.answeredShort, key: 'answered', numFmt: COUNT }, { header: t.count, key: 'requests', numFmt: COUNT }],
    r.months.map((m) => ({ ...m, label: l.month(m.month) })),
  ));
  fit(sheet(
    t.sheets.heat,
    [{ header: t.weekday, key: 'day' }, ...Array.from({ length: 24 }, (_, h) => ({ header: `${String(h).padStart(2, '0')}:00`, key: `h${h}`, numFmt: COUNT }))],
    r.heat.map((row, d) => ({ day: t.weekdays[d], ...Object.fromEntries(row.map((v, h) => [`h${h}`, v])) })),
  ));
  return Buffer.from(await book.xlsx.writeBuffer());
}
