/**
 * One ECharts chart, sized to its box and redrawn when the options change. Only the chart
 * types and components the contact-centre pages use are bundled.
 */
import { useEffect } from 'react';
import { Box } from '@mantine/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../hooks/useEChart';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, DatasetComponent, CanvasRenderer]);

export type ChartOptions = echarts.EChartsCoreOption;

export function EChart({ options, height = 320, label, testId }: { options: ChartOptions; height?: number; label: string; testId?: string }) {
  const { box, chart } = useEChart();

  useEffect(() => {
    chart.current?.setOption(options, { notMerge: true });
  }, [options]);

  // The canvas says nothing to a screen reader: the label does, and each page has its table.
  return <Box ref={box} h={height} w="100%" role="img" aria-label={label} data-testid={testId} />;
}
