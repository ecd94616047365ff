/**
 * A choropleth of the city drawn from GeoJSON boundaries with ECharts' map series: no tile
 * server, the shapes come from our own reference data. Clicking an area reports its feature.
 */
import { useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { GeoCollection } from '../api/reports';
import { useEChart } from '../hooks/useEChart';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

let mapCounter = 0;

export function ChoroplethMap(props: {
  geo: GeoCollection;
  values: Map<string, number>;
  label: string;
  seriesName: string;
  height?: number;
  testId?: string;
  onSelect?: (code: string) => void;
}) {
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;
  const { box, chart } = useEChart((instance) =>
    instance.on('click', (params) => {
      const code = (params.data as { code?: string } | undefined)?.code;
      if (code) onSelect.current?.(code);
    }),
  );

  useEffect(() => {
    const name = `cozum-map-${++mapCounter}`;
    // ECharts names areas by a property; the code is unique where names might repeat.
    echarts.registerMap(name, { ...props.geo, features: props.geo.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.code } })) } as unknown as Parameters<typeof echarts.registerMap>[1]);
    const names = new Map(props.geo.features.map((f) => [f.properties.code, f.properties.name]));
    const data = props.geo.features.map((f) => ({ name: f.properties.code, code: f.properties.code, value: props.values.get(f.properties.code) ?? 0 }));
    const max = Math.max(1, ...data.map((d) => d.value));
    chart.current?.setOption(
      {
        tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${names.get(p.name) ?? p.name}: ${Number.isFinite(p.value) ? p.value.toLocaleString() : 0}` },
        visualMap: { min: 0, max, left: 8, bottom: 8, calculable: true, inRange: { color: ['#e7f5ff', '#74c0fc', '#1c7ed6', '#0b3d91'] }, text: [max.toLocaleString(), '0'] },
        series: [
          {
            name: props.seriesName,
            type: 'map',
            map: name,
            roam: true,
            selectedMode: false,
            label: { show: props.geo.features.length <= 20, formatter: (p: { name: string }) => names.get(p.name) ?? p.name, fontSize: 10 },
            emphasis: { label: { show: true, formatter: (p: { name: string }) => names.get(p.name) ?? p.name } },
            data,
          },
        ],
      },
      { notMerge: true },
    );
  }, [props.geo, props.values, props.seriesName]);

  return <Box ref={box} h={props.height ?? 440} w="100%" role="img" aria-label={props.label} data-testid={props.testId} />;
}
