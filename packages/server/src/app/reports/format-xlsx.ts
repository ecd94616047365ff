/** The report as an Excel workbook: one sheet per section, numbers as numbers. */
import ExcelJS from 'exceljs';
import type { Report } from './report.js';

export async function reportXlsx(r: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Çözüm';
  const sheet = (name: string, columns: { header: string; key: string; width?: number; numFmt?: string }[], rows: object[]) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.addRows(rows);
    return ws;
  };
  const figures = [
    { figure: 'offered', label: 'Calls offered' },
    { figure: 'answered', label: 'Calls answered' },
    { figure: 'answerRate', label: 'Answer rate' },
    { figure: 'abandoned', label: 'Not answered' },
    { figure: 'instant', label: 'Instant information' },
    { figure: 'routed', label: 'Routed to a unit' },
    { figure: 'requests', label: 'Requests, all channels' },
  ] as const;
  sheet(
    'Summary',
    [
      { header: 'figure', key: 'label', width: 28 },
      { header: r.period.label, key: 'value', width: 16 },
      ...(r.compare ? [{ header: r.compare.period.label, key: 'compare', width: 16 }, { header: 'change', key: 'change', width: 16 }] : []),
    ],
    figures.map((f) => {
      const value = r[f.figure];
      const other = r.compare?.[f.figure];
      return { label: f.label, value, compare: other, change: typeof value === 'number' && typeof other === 'number' ? value - other : undefined };
    }),
  );
  const ranked = [{ header: 'code', key: 'code', width: 28 }, { header: 'name', key: 'name', width: 44 }, { header: 'requests', key: 'count' }, { header: 'share', key: 'share', numFmt: '0.0%' }];
  sheet('Topic groups', ranked, r.topicGroups);
  sheet('Topics', [...ranked, { header: 'group', key: 'groupCode', width: 28 }], r.topics);
  sheet('Districts', [...ranked, { header: 'population', key: 'population' }, { header: 'per 1,000 residents', key: 'perThousand', numFmt: '0.00' }], r.districts);
  sheet('Neighbourhoods', [{ header: 'district', key: 'districtName', width: 20 }, ...ranked, { header: 'population', key: 'population' }], r.neighbourhoods);
  sheet(
    'Units',
    [{ header: 'code', key: 'code', width: 28 }, { header: 'name', key: 'name', width: 44 }, { header: 'requests', key: 'count' }, { header: 'resolved', key: 'resolved' }, { header: 'median hours', key: 'medianHours', numFmt: '0.0' }, { header: '90th percentile hours', key: 'p90Hours', numFmt: '0.0' }, { header: 'on time', key: 'onTimeShare', numFmt: '0.0%' }],
    r.units,
  );
  sheet('Channels', [{ header: 'channel', key: 'channel', width: 20 }, { header: 'requests', key: 'count' }, { header: 'share', key: 'share', numFmt: '0.0%' }], r.channels);
  sheet('Satisfaction', [{ header: 'score', key: 'score' }, { header: 'answers', key: 'count' }], r.satisfaction.distribution.map((count, i) => ({ score: i + 1, count })));
  sheet('Months', [{ header: 'month', key: 'month' }, { header: 'offered', key: 'offered' }, { header: 'answered', key: 'answered' }, { header: 'requests', key: 'requests' }], r.months);
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  sheet('Hour x weekday', [{ header: 'weekday', key: 'day' }, ...Array.from({ length: 24 }, (_, h) => ({ header: `${h}:00`, key: `h${h}`, width: 8 }))], r.heat.map((row, d) => ({ day: days[d], ...Object.fromEntries(row.map((v, h) => [`h${h}`, v])) })));
  return Buffer.from(await book.xlsx.writeBuffer());
}
