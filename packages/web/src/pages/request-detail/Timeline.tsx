import { Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestEvent } from '../../api/requests';
import { formatDateTime } from '../../dates';
import type { Shown } from '../RequestDetailPage';
import { InternalBadge } from './InternalBadge';

/** Every event on a request, oldest first: when, who, what, why; internal ones marked. */
export function RequestTimeline({ request: { events } }: { request: Shown<'timeline'> }) {
  const { t, i18n } = useTranslation();
  const label = (type: string) => (i18n.exists(`event.${type}`) ? t(`event.${type}` as 'event.created') : type);
  const actor = (event: RequestEvent) => event.actorName ?? (event.actorKind === 'citizen' ? t('detail.citizenActor') : t('detail.system'));
  const status = (value: string | null) => (value && i18n.exists(`status.${value}`) ? t(`status.${value}` as 'status.new') : value);
  const fileName = (event: RequestEvent) => (typeof event.data.fileName === 'string' ? event.data.fileName : null);

  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="request-timeline">
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          color={event.visibility === 'internal' ? 'gray' : 'blue'}
          data-testid="timeline-event"
          data-event-type={event.type}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {label(event.type)}
              </Text>
              {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
                <Text size="xs" c="dimmed">
                  {status(event.fromStatus)} → {status(event.toStatus)}
                </Text>
              )}
              <InternalBadge visibility={event.visibility} />
            </Group>
          }
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at, i18n.language)} · {actor(event)}
          </Text>
          {event.reason && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.reason}
            </Text>
          )}
          {fileName(event) && <Text size="sm">{fileName(event)}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
