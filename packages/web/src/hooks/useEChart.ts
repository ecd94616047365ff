import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

/**
 * An ECharts instance drawn in the element `box` is put on: made once, resized with the box,
 * disposed with the component. `onMade` hooks events on the new instance.
 */
export function useEChart(onMade?: (chart: echarts.ECharts) => void) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    onMade?.(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
    // Made once: the chart lives as long as its box.
  }, []);

  return { box, chart };
}
