import type { ChartOptions } from './EChart';

/** Topics as horizontal bars, `rows` (largest first) read from the top down. */
export function topicsChart<T extends { count: number }>(rows: readonly T[], label: (row: T) => string, seriesName: string): ChartOptions {
  const shown = [...rows].reverse();
  return {
    grid: { left: 220, right: 30, top: 10, bottom: 20 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map(label), axisLabel: { width: 210, overflow: 'truncate' } },
    series: [{ name: seriesName, type: 'bar', data: shown.map((row) => row.count), itemStyle: { color: '#1c7ed6' } }],
  };
}
