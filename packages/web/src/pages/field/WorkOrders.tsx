import { useState } from 'react';
import { Badge, Button, Card, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldBootstrap } from '../../api/field';
import type { QueueItem } from './store';
import type { Enqueue } from './useQueue';

/** The server's limits for a work order's photos, checked here so the tablet says so at once. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 5;

type WorkOrder = FieldBootstrap['workOrders'][number];

/** The team's work orders, each closed with a note and photos; one already queued to close is left out. */
export function WorkOrders({ data, queued, onQueue }: { data: FieldBootstrap; queued: QueueItem[]; onQueue: Enqueue }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [photos, setPhotos] = useState<Record<number, File[]>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const closing = new Set(queued.filter((i) => i.kind === 'close' && i.status !== 'conflict').map((i) => Number(i.path.split('/')[3])));
  const orders = data.workOrders.filter((w) => !closing.has(w.id));

  async function close(order: WorkOrder) {
    const note = (notes[order.id] ?? '').trim();
    const files = photos[order.id] ?? [];
    const tooLarge = files.find((file) => file.size > MAX_PHOTO_BYTES);
    const found = {
      [`${order.id}:note`]: note ? undefined : t('field.orders.noteRequired'),
      [`${order.id}:photo`]: tooLarge
        ? t('field.orders.photoTooLarge', { name: tooLarge.name, mb: MAX_PHOTO_BYTES / 1048576 })
        : files.length > MAX_PHOTOS
          ? t('field.orders.tooManyPhotos', { count: MAX_PHOTOS })
          : undefined,
    };
    setErrors({ ...errors, ...found });
    if (Object.values(found).some(Boolean)) return;
    await onQueue({ kind: 'close', label: `${order.trackingNo} · ${order.categoryTr}`, path: `/field/work-orders/${order.id}/close`, body: { version: order.version, note }, photos: files.map((file) => ({ name: file.name, blob: file })) });
  }

  if (!orders.length) return <Text c="dimmed">{t('field.orders.none')}</Text>;
  return (
    <Stack gap="sm">
      {orders.map((order) => (
        <Card key={order.id} withBorder>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600}>{order.trackingNo}</Text>
              <Badge>{order.categoryTr}</Badge>
            </Group>
            <Text size="sm">{order.description}</Text>
            <Text size="xs" c="dimmed">{[order.districtName, order.neighbourhoodName, order.address].filter(Boolean).join(' / ')}</Text>
            <Textarea label={t('field.orders.note')} autosize minRows={2} value={notes[order.id] ?? ''} onChange={(e) => setNotes({ ...notes, [order.id]: e.currentTarget.value })} error={errors[`${order.id}:note`]} />
            <FileInput label={t('field.orders.photos')} multiple accept="image/jpeg,image/png,image/webp" capture="environment" value={photos[order.id] ?? []} onChange={(files) => setPhotos({ ...photos, [order.id]: files })} clearable error={errors[`${order.id}:photo`]} />
            <Button onClick={() => void close(order)}>{t('field.orders.close')}</Button>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
