/**
 * Request types (talep, şikâyet, bilgi edinme, …) as administrators set them: which events of a
 * request tell its citizen by SMS and which by e-mail, and whether Open311 may publish their
 * requests. The final answer and the notices the law requires are always sent: their boxes are
 * shown ticked and cannot be cleared. The server audits every change.
 */
import { useState } from 'react';
import { Anchor, Badge, Checkbox, Group, Loader, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, NOTIFICATION_EVENTS, REQUIRED_NOTIFICATION_EVENTS, listRequestTypeSettings, updateRequestTypeSettings, type NotificationEvent, type RequestTypeSettings } from '../api/requestTypes';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useForm } from '../hooks/useForm';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useNotify } from '../hooks/useNotices';

type Channel = (typeof MESSAGE_CHANNELS)[number];
const CHANNEL_LABELS = { sms: 'requestTypes.sms', email: 'requestTypes.email' } as const;
const isRequired = (event: NotificationEvent) => (REQUIRED_NOTIFICATION_EVENTS as readonly string[]).includes(event);

export default function RequestTypesPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const notify = useNotify();
  const types = useLoad(listRequestTypeSettings, []);
  const [editing, setEditing] = useState<RequestTypeSettings | null>(null);

  // Besides the final answer, which every type sends.
  const told = (type: RequestTypeSettings, channel: Channel) => type.notifications[channel].map((event) => t(`requestTypes.events.${event}`)).join(', ') || t('requestTypes.onlyFinal');

  return (
    <>
      <PageHeader title={t('requestTypes.title')} />
      <Text c="dimmed" mb="md">
        {t('requestTypes.hint')}
      </Text>
      <ErrorAlert error={types.error} />
      {types.loading && !types.data && <Loader aria-label={t('common.loading')} />}
      {types.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requestTypes.name')}</Table.Th>
                <Table.Th>{t('requestTypes.smsFor')}</Table.Th>
                <Table.Th>{t('requestTypes.emailFor')}</Table.Th>
                <Table.Th>{t('requestTypes.publishable')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.map((type) => (
                <Table.Tr key={type.code}>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor component="button" type="button" ta="start" onClick={() => setEditing(type)}>
                        {localName(type)}
                      </Anchor>
                      {!type.active && <StatusBadge active={false} />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{told(type, 'sms')}</Table.Td>
                  <Table.Td>{told(type, 'email')}</Table.Td>
                  <Table.Td>{type.publishable ? t('common.yes') : t('common.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <RequestTypeModal
          type={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            notify({ message: t('requestTypes.saved', { name: localName(saved) }) });
            setEditing(null);
            types.reload();
          }}
        />
      )}
    </>
  );
}

interface Values {
  publishable: boolean;
  sms: NotificationEvent[];
  email: NotificationEvent[];
}

function RequestTypeModal({ type, onClose, onSaved }: { type: RequestTypeSettings; onClose: () => void; onSaved: (type: RequestTypeSettings) => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const form = useForm<Values>({ publishable: type.publishable, sms: [...type.notifications.sms], email: [...type.notifications.email] });
  const { values } = form;

  const toggle = (channel: Channel, event: NotificationEvent, on: boolean) =>
    form.set(channel, on ? [...values[channel], event] : values[channel].filter((e) => e !== event));

  const save = async (v: Values) => {
    onSaved(await updateRequestTypeSettings(type.code, { ...(type.mayPublish ? { publishable: v.publishable } : {}), notifications: { sms: v.sms, email: v.email } }));
  };

  return (
    <FormModal title={t('requestTypes.editTitle', { name: localName(type) })} size="lg" form={form} onClose={onClose} onSubmit={() => form.submit(() => ({}), save)}>
      <Switch
        label={t('requestTypes.publishable')}
        description={type.mayPublish ? t('requestTypes.publishableHint') : t('requestTypes.neverPublished')}
        checked={values.publishable}
        disabled={!type.mayPublish}
        onChange={(event) => form.set('publishable', event.currentTarget.checked)}
        error={form.errors.publishable}
      />
      <Text size="sm" c="dimmed">
        {t('requestTypes.matrixHint')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requestTypes.event')}</Table.Th>
            {MESSAGE_CHANNELS.map((channel) => (
              <Table.Th key={channel}>{t(CHANNEL_LABELS[channel])}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {NOTIFICATION_EVENTS.map((event) => {
            const always = isRequired(event);
            return (
              <Table.Tr key={event}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{t(`requestTypes.events.${event}`)}</Text>
                    {always && (
                      <Badge variant="light" color="gray">
                        {t('requestTypes.always')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {MESSAGE_CHANNELS.map((channel) => (
                  <Table.Td key={channel}>
                    <Checkbox
                      aria-label={t('requestTypes.sendOn', { event: t(`requestTypes.events.${event}`), channel: t(CHANNEL_LABELS[channel]) })}
                      checked={always || values[channel].includes(event)}
                      disabled={always}
                      onChange={(e) => toggle(channel, event, e.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </FormModal>
  );
}
