import { useMemo } from 'react';
import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DistrictFeature } from '../../api/portal';

const WIDTH = 600;

/**
 * The districts drawn from their boundaries (an equirectangular view scaled by the latitude's
 * cosine, plenty for one city). A click puts a pin and picks the district under it; the
 * district and neighbourhood lists do the same for those who do not use a pointer.
 */
export function DistrictMap(props: {
  features: DistrictFeature[];
  attribution: string;
  pin: { latitude: number; longitude: number } | null;
  selectedCode: string | null;
  onPin: (pin: { latitude: number; longitude: number }, districtCode: string) => void;
}) {
  const { t } = useTranslation();
  const view = useMemo(() => {
    const rings = props.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()));
    const points = rings.flat();
    const lons = points.map((p) => p[0]!);
    const lats = points.map((p) => p[1]!);
    const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const scale = WIDTH / ((maxLon - minLon) * k);
    const height = (maxLat - minLat) * scale;
    const toXY = (lon: number, lat: number) => [(lon - minLon) * k * scale, (maxLat - lat) * scale] as const;
    const toLonLat = (x: number, y: number) => ({ longitude: x / (k * scale) + minLon, latitude: maxLat - y / scale });
    const paths = props.features.map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const d = polygons.flatMap((polygon) => polygon.map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${toXY(lon!, lat!).map((v) => v.toFixed(1)).join(' ')}`).join('') + 'Z')).join('');
      return { code: f.properties.code, name: f.properties.name, d };
    });
    return { height, paths, toXY, toLonLat };
  }, [props.features]);

  const pinXY = props.pin ? view.toXY(props.pin.longitude, props.pin.latitude) : null;
  return (
    <Box>
      <svg
        viewBox={`0 0 ${WIDTH} ${view.height.toFixed(0)}`}
        width="100%"
        role="img"
        aria-label={t('portal.map.label')}
        style={{ border: '1px solid #495057', borderRadius: 4, background: '#f1f3f5', cursor: 'crosshair' }}
        data-testid="district-map"
      >
        {view.paths.map((p) => (
          <path
            key={p.code}
            d={p.d}
            data-code={p.code}
            fill={p.code === props.selectedCode ? '#96f2d7' : '#ffffff'}
            stroke="#495057"
            strokeWidth={1}
            onClick={(event) => {
              const svg = event.currentTarget.ownerSVGElement!;
              const point = svg.createSVGPoint();
              point.x = event.clientX;
              point.y = event.clientY;
              const local = point.matrixTransform(svg.getScreenCTM()!.inverse());
              const at = view.toLonLat(local.x, local.y);
              props.onPin({ latitude: Number(at.latitude.toFixed(6)), longitude: Number(at.longitude.toFixed(6)) }, p.code);
            }}
          >
            <title>{p.name}</title>
          </path>
        ))}
        {pinXY && <circle cx={pinXY[0]} cy={pinXY[1]} r={6} fill="#c92a2a" stroke="#ffffff" strokeWidth={2} />}
      </svg>
      <Text size="xs" c="gray.8">{props.attribution}</Text>
    </Box>
  );
}
