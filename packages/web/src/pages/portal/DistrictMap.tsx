import { useMemo } from 'react';
import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DistrictFeature } from '../../api/portal';

const WIDTH = 600;
const TILE = 256;

// Web Mercator (EPSG:3857) in pixels at zoom z, the projection of web map tiles.
const mercX = (lon: number, z: number) => ((lon + 180) / 360) * TILE * 2 ** z;
const mercY = (lat: number, z: number) => {
  const phi = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * TILE * 2 ** z;
};
const lonOf = (x: number, z: number) => (x / (TILE * 2 ** z)) * 360 - 180;
const latOf = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / (TILE * 2 ** z)))) * 180) / Math.PI;

/**
 * The districts drawn from their boundaries, over map tiles when the city configured a tile
 * server. A click puts a pin and picks the district under it; the district and neighbourhood
 * lists do the same for those who do not use a pointer.
 */
export function DistrictMap(props: {
  features: DistrictFeature[];
  attribution: string;
  tiles: { url: string; attribution: string } | null;
  pin: { latitude: number; longitude: number } | null;
  selectedCode: string | null;
  onPin: (pin: { latitude: number; longitude: number }, districtCode: string) => void;
}) {
  const { t } = useTranslation();
  const view = useMemo(() => {
    const points = props.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat())).flat();
    const lons = points.map((p) => p[0]!);
    const lats = points.map((p) => p[1]!);
    const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    // The deepest zoom at which the city fits the width; the drawing scales it up to fill it.
    const z = Math.max(0, Math.min(18, Math.floor(Math.log2(WIDTH / (mercX(maxLon, 0) - mercX(minLon, 0))))));
    const [x0, y0, x1, y1] = [mercX(minLon, z), mercY(maxLat, z), mercX(maxLon, z), mercY(minLat, z)];
    const scale = WIDTH / (x1 - x0);
    const height = (y1 - y0) * scale;
    const toXY = (lon: number, lat: number) => [(mercX(lon, z) - x0) * scale, (mercY(lat, z) - y0) * scale] as const;
    const toLonLat = (x: number, y: number) => ({ longitude: lonOf(x / scale + x0, z), latitude: latOf(y / scale + y0, z) });
    const paths = props.features.map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const d = polygons.flatMap((polygon) => polygon.map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${toXY(lon!, lat!).map((v) => v.toFixed(1)).join(' ')}`).join('') + 'Z')).join('');
      return { code: f.properties.code, name: f.properties.name, d };
    });
    const tiles: { key: string; href: string; x: number; y: number; size: number }[] = [];
    if (props.tiles) {
      for (let tx = Math.floor(x0 / TILE); tx <= Math.floor(x1 / TILE); tx++) {
        for (let ty = Math.floor(y0 / TILE); ty <= Math.floor(y1 / TILE); ty++) {
          const href = props.tiles.url.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty));
          tiles.push({ key: `${tx}/${ty}`, href, x: (tx * TILE - x0) * scale, y: (ty * TILE - y0) * scale, size: TILE * scale });
        }
      }
    }
    return { height, paths, tiles, toXY, toLonLat };
  }, [props.features, props.tiles]);

  const pinXY = props.pin ? view.toXY(props.pin.longitude, props.pin.latitude) : null;
  const tiled = view.tiles.length > 0;
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
        {view.tiles.map((tile) => (
          <image key={tile.key} href={tile.href} x={tile.x} y={tile.y} width={tile.size} height={tile.size} preserveAspectRatio="none" data-testid="map-tile" />
        ))}
        {view.paths.map((p) => (
          <path
            key={p.code}
            d={p.d}
            data-code={p.code}
            fill={p.code === props.selectedCode ? '#96f2d7' : '#ffffff'}
            fillOpacity={tiled ? 0.3 : 1}
            stroke="#343a40"
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
        {pinXY && <circle cx={pinXY[0]} cy={pinXY[1]} r={6} fill="#c92a2a" stroke="#ffffff" strokeWidth={2} data-testid="map-pin" />}
      </svg>
      <Text size="xs" c="gray.8">
        {props.tiles ? `${props.attribution} · ${props.tiles.attribution}` : props.attribution}
      </Text>
    </Box>
  );
}
