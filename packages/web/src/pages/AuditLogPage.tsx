import { useState } from 'react';
import { Button, Code, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { searchAudit, type AuditEntry, type AuditFilter } from '../api/audit';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useLoad } from '../hooks/useLoad';
import { formatDateTime } from '../dates';
import { DateField } from '../components/DateField';

interface Fields {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

const EMPTY: Fields = { actor: '', action: '', subjectType: '', subjectId: '', from: '', to: '' };

/** A day typed in the form (local date) → the instant the server filters on. */
const dayStart = (day: string, plusDays = 0): string | undefined => {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

const toFilter = (f: Fields): AuditFilter => ({
  actor: f.actor.trim() || undefined,
  action: f.action.trim() || undefined,
  subjectType: f.subjectType.trim() || undefined,
  subjectId: f.subjectId.trim() || undefined,
  from: dayStart(f.from),
  // The "to" day is included.
  to: dayStart(f.to, 1),
});

/** Auditors' search of the audit log: who did what, to whom, when and why. */
export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [moreError, setMoreError] = useState<Error | null>(null);
  const page = useLoad(async () => {
    const result = await searchAudit(filter);
    setMore([]);
    setNextBefore(result.nextBefore);
    return result.items;
  }, [filter]);

  const set = (key: keyof Fields) => (event: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [key]: event.currentTarget.value });
  const loadMore = async () => {
    if (nextBefore === null) return;
    try {
      const result = await searchAudit({ ...filter, before: nextBefore });
      setMore((current) => [...current, ...result.items]);
      setNextBefore(result.nextBefore);
    } catch (error) {
      setMoreError(error as Error);
    }
  };
  const entries = [...(page.data ?? []), ...more];
  const when = (at: string) => formatDateTime(at, i18n.language);

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFilter(toFilter(fields));
        }}
      >
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput label={t('audit.actor')} value={fields.actor} onChange={set('actor')} w={160} />
          <TextInput label={t('audit.action')} description={t('audit.actionHint')} value={fields.action} onChange={set('action')} w={200} />
          <TextInput label={t('audit.subjectType')} placeholder="citizen, user…" value={fields.subjectType} onChange={set('subjectType')} w={140} />
          <TextInput label={t('audit.subjectId')} value={fields.subjectId} onChange={set('subjectId')} w={110} />
          <DateField label={t('audit.from')} value={fields.from} onChange={(from) => setFields({ ...fields, from })} clearable w={160} />
          <DateField label={t('audit.to')} value={fields.to} onChange={(to) => setFields({ ...fields, to })} clearable w={160} />
          <Button type="submit">{t('audit.search')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setFields(EMPTY);
              setFilter({});
            }}
          >
            {t('common.clear')}
          </Button>
          {page.loading && <Loader size="sm" mb={8} aria-label={t('common.loading')} />}
        </Group>
      </form>

      <ErrorAlert error={page.error ?? moreError} />
      {page.data && entries.length === 0 && <Text c="dimmed">{t('audit.none')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.subject')}</Table.Th>
                <Table.Th>{t('audit.purpose')}</Table.Th>
                <Table.Th>{t('audit.ip')}</Table.Th>
                <Table.Th>{t('audit.data')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e.at)}</Table.Td>
                  <Table.Td>{e.actorName ?? t('audit.system')}</Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>{e.subjectType ? `${e.subjectType} ${e.subjectId ?? ''}` : ''}</Table.Td>
                  <Table.Td>{e.purpose}</Table.Td>
                  <Table.Td>{e.ip}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" lineClamp={2}>
                      {Object.keys(e.data).length ? JSON.stringify(e.data) : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {nextBefore !== null && (
        <Button variant="light" mt="md" onClick={() => void loadMore()}>
          {t('audit.more')}
        </Button>
      )}
    </>
  );
}
