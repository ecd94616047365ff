/** The report as plain text for the terminal, in English with Turkish names as recorded. */
import type { Report } from './report.js';
import type { ReportScope } from './report-labels.js';

export const n = (x: number) => x.toLocaleString('en-US');
export const pct = (x: number | null, digits = 2) => (x === null ? '—' : `${(x * 100).toFixed(digits)} %`);
export const signed = (x: number) => (x > 0 ? `+${n(x)}` : n(x));
export const hours = (x: number | null) => (x === null ? '—' : x < 48 ? `${x.toFixed(1)} h` : `${(x / 24).toFixed(1)} d`);

export function reportText(r: Report, scope: ReportScope = {}, top = 10): string {
  const lines: string[] = [];
  const row = (label: string, value: string, change?: string) => lines.push(`  ${label.padEnd(28)} ${value.padStart(14)}${change ? `   ${change}` : ''}`);
  const narrowed = [scope.district && `district ${scope.district}`, scope.unit && `unit ${scope.unit.name}`, scope.category && `topic ${scope.category.name}`, scope.channel && `channel ${scope.channel}`].filter(Boolean);
  lines.push(`Solution centre report ${r.period.label} (${r.period.from} to ${r.period.to})${r.compare ? `, compared with ${r.compare.period.label}` : ''}`);
  if (narrowed.length) lines.push(`Requests narrowed to ${narrowed.join(', ')}`);
  lines.push('');
  lines.push('Calls');
  row('offered', n(r.offered), r.change && `${signed(r.change.offered)} on ${r.compare!.period.label} (${n(r.compare!.offered)})`);
  row('answered', n(r.answered), r.change && `${signed(r.change.answered)} (${n(r.compare!.answered)})`);
  row('answer rate', pct(r.answerRate), r.change && r.change.answerRatePoints !== null ? `${r.change.answerRatePoints >= 0 ? '+' : ''}${r.change.answerRatePoints.toFixed(2)} points (${pct(r.compare!.answerRate)})` : undefined);
  row('not answered', n(r.abandoned));
  row('instant information', n(r.instant), r.change && `${signed(r.change.instant)} (${n(r.compare!.instant)})`);
  row('routed to a unit', n(r.routed), r.change && `${signed(r.change.routed)} (${n(r.compare!.routed)})`);
  row('requests, all channels', n(r.requests), r.change && `${signed(r.change.requests)} (${n(r.compare!.requests)})`);
  const table = (title: string, items: { name: string; count: number; share: number }[]) => {
    lines.push('', title);
    for (const [i, t] of items.slice(0, top).entries()) lines.push(`  ${String(i + 1).padStart(2)}. ${t.name.padEnd(44)} ${n(t.count).padStart(10)}  ${pct(t.share, 1).padStart(7)}`);
    if (!items.length) lines.push('  (none)');
  };
  table('Topic groups', r.topicGroups);
  table('Topics', r.topics);
  table('Districts', r.districts);
  table('Neighbourhoods', r.neighbourhoods.map((x) => ({ ...x, name: `${x.districtName} / ${x.name}` })));
  lines.push('', 'Units                                          requests   resolved   median      p90  on time');
  for (const u of r.units) lines.push(`  ${u.name.slice(0, 44).padEnd(44)} ${n(u.count).padStart(9)} ${n(u.resolved).padStart(10)} ${hours(u.medianHours).padStart(8)} ${hours(u.p90Hours).padStart(8)} ${pct(u.onTimeShare, 1).padStart(8)}`);
  lines.push('', 'Channels');
  for (const c of r.channels) lines.push(`  ${c.channel.padEnd(44)} ${n(c.count).padStart(10)}  ${pct(c.share, 1).padStart(7)}`);
  lines.push('', 'Satisfaction');
  lines.push(`  ${n(r.satisfaction.count)} answers, average ${r.satisfaction.average === null ? '—' : r.satisfaction.average.toFixed(2)} of 5; ${r.satisfaction.distribution.map((c, i) => `${i + 1}: ${n(c)}`).join(', ')}`);
  lines.push('', 'Months                     offered   answered   requests');
  for (const m of r.months) lines.push(`  ${m.month.padEnd(20)} ${n(m.offered).padStart(10)} ${n(m.answered).padStart(10)} ${n(m.requests).padStart(10)}`);
  return lines.join('\n');
}
