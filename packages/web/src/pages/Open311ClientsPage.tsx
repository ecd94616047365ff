import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, CopyButton, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from '../api/open311Clients';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../dates';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';

/** Admins register the applications allowed to POST Open311 requests; a key is shown only once. */
export default function Open311ClientsPage() {
  const { t, i18n } = useTranslation();
  const clients = useLoad(() => listOpen311Clients(), []);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [made, setMade] = useState<{ name: string; apiKey: string } | null>(null);
  const { run, busy, failure: error, setFailure: setError, fieldError } = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const created = await createOpen311Client({ name, contact: contact.trim() || null });
      setMade({ name: created.name, apiKey: created.apiKey });
      setName('');
      setContact('');
      clients.reload();
    });
  }

  async function revoke(id: number, clientName: string) {
    if (!window.confirm(t('open311Clients.confirmRevoke', { name: clientName }))) return;
    try {
      await revokeOpen311Client(id);
      clients.reload();
    } catch (failure) {
      setError(failure as Error);
    }
  }

  return (
    <>
      <PageHeader title={t('open311Clients.title')} />
      <Text mb="md">{t('open311Clients.intro')}</Text>
      {made && (
        <Alert color="teal" title={t('open311Clients.madeTitle', { name: made.name })} mb="md" withCloseButton onClose={() => setMade(null)}>
          <Stack gap="xs">
            <Text size="sm">{t('open311Clients.madeText')}</Text>
            <Group>
              <Code data-testid="new-api-key">{made.apiKey}</Code>
              <CopyButton value={made.apiKey}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? t('open311Clients.copied') : t('open311Clients.copy')}</Button>}</CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md" mb="md">
        <form onSubmit={(e) => void create(e)} noValidate>
          <Title order={2} size="h4" mb="sm">
            {t('open311Clients.new')}
          </Title>
          <Group align="flex-end">
            <TextInput label={t('open311Clients.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={fieldError('name')} />
            <TextInput label={t('open311Clients.contact')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} />
            <Button type="submit" loading={busy}>
              {t('open311Clients.create')}
            </Button>
          </Group>
        </form>
      </Paper>
      <ErrorAlert error={error ?? clients.error} />
      {clients.loading && !clients.data && <Loader aria-label={t('common.loading')} />}
      {clients.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('open311Clients.name')}</Table.Th>
                <Table.Th>{t('open311Clients.key')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('open311Clients.lastUsed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.name}
                    {c.contact && <Text size="xs">{c.contact}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Code>{c.keyPrefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge active={c.active} />
                  </Table.Td>
                  <Table.Td>{c.lastUsedAt ? formatDateTime(c.lastUsedAt, i18n.language) : t('common.none')}</Table.Td>
                  <Table.Td>
                    {c.active && (
                      <Button size="xs" color="red" variant="light" onClick={() => void revoke(c.id, c.name)}>
                        {t('open311Clients.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
