import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  RETENTION_CLASSES,
  anonymiseCitizen,
  downloadExport,
  findCitizens,
  getRetention,
  openCitizen,
  runRetention,
  saveRetentionPolicy,
  type CitizenSummary,
  type RetentionPolicy,
} from '../api/privacy';
import { can } from '../api/roles';
import { EChart } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { useNotify } from '../hooks/useNotices';
import { useUser } from '../hooks/useSession';
import { formatDate, formatDateTime } from '../dates';
import { formatPhone } from '@cozum/domain';

const SEARCH_DELAY_MS = 300;

/**
 * KVKK: find a person (masked), open their full record with a stated purpose, and for
 * administrators their data-subject requests (export, anonymise) and the retention policy.
 */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const user = useUser();
  const admin = can(user.role, 'privacy.manage');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [selected, setSelected] = useState<CitizenSummary | null>(null);
  const found = useLoad(async () => (query.length >= 3 ? findCitizens(query) : []), [query]);

  return (
    <>
      <PageHeader title={t('privacy.title')} />
      <Text mb="md" maw={760}>
        {t('privacy.intro')}
      </Text>
      <Group align="flex-end" mb="md">
        <TextInput type="search" label={t('privacy.search')} description={t('privacy.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={340} />
        {found.loading && <Loader size="sm" mb={8} aria-label={t('common.loading')} />}
      </Group>
      <ErrorAlert error={found.error} />
      {found.data && query.length >= 3 && found.data.length === 0 && <Text c="dimmed">{t('privacy.noneFound')}</Text>}
      {found.data && found.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover data-testid="citizen-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.name')}</Table.Th>
                <Table.Th>{t('privacy.phone')}</Table.Th>
                <Table.Th>{t('privacy.tckn')}</Table.Th>
                <Table.Th>{t('privacy.email')}</Table.Th>
                <Table.Th>{t('privacy.requests')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.fullName ?? '—'}</Table.Td>
                  <Table.Td>{c.phone ? formatPhone(c.phone) : '—'}</Table.Td>
                  <Table.Td>{c.tcKimlikNo ?? '—'}</Table.Td>
                  <Table.Td>{c.email ?? '—'}</Table.Td>
                  <Table.Td>{c.requestCount}</Table.Td>
                  <Table.Td>
                    {c.anonymisedAt ? (
                      <Badge color="gray">{t('privacy.anonymised')}</Badge>
                    ) : (
                      <Anchor component="button" type="button" onClick={() => setSelected(c)}>
                        {t('privacy.open')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && <CitizenModal citizen={selected} admin={admin} onClose={() => setSelected(null)} onChanged={found.reload} />}
      {admin && <RetentionSection />}
    </>
  );
}

function CitizenModal({ citizen, admin, onClose, onChanged }: { citizen: CitizenSummary; admin: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [purpose, setPurpose] = useState('');
  const [full, setFull] = useState<CitizenSummary | null>(null);
  const [reason, setReason] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { run: act, busy, failure, fieldError } = useAction();
  const purposeOk = purpose.trim().length >= 5;
  const shown = full ?? citizen;
  const row = (label: string, value: string | null) => (
    <Group gap="xs">
      <Text fw={500} w={140}>
        {label}
      </Text>
      <Text>{value ?? '—'}</Text>
    </Group>
  );

  return (
    <Modal opened onClose={onClose} title={t('privacy.recordTitle', { id: citizen.id })} size="lg">
      <Stack>
        <ErrorAlert error={failure} fields={['purpose', 'reason', 'trackingNo']} />
        <TextInput label={t('privacy.purpose')} description={t('privacy.purposeHint')} value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} required error={fieldError('purpose')} />
        <Group>
          <Button disabled={!purposeOk} loading={busy} onClick={() => void act(async () => setFull(await openCitizen(citizen.id, purpose.trim())))}>
            {t('privacy.showFull')}
          </Button>
          {admin && (
            <>
              <Button variant="light" disabled={!purposeOk} loading={busy} onClick={() => void act(() => downloadExport(citizen.id, purpose.trim(), 'json'))}>
                {t('privacy.exportJson')}
              </Button>
              <Button variant="light" disabled={!purposeOk} loading={busy} onClick={() => void act(() => downloadExport(citizen.id, purpose.trim(), 'pdf'))}>
                {t('privacy.exportPdf')}
              </Button>
            </>
          )}
        </Group>
        <Paper withBorder p="sm" data-testid="citizen-record">
          {row(t('privacy.name'), shown.fullName)}
          {row(t('privacy.phone'), shown.phone && formatPhone(shown.phone))}
          {row(t('privacy.tckn'), shown.tcKimlikNo)}
          {row(t('privacy.email'), shown.email)}
          {row(t('privacy.address'), shown.address)}
          {!full && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('privacy.maskedNote')}
            </Text>
          )}
        </Paper>
        {admin && (
          <Paper withBorder p="sm">
            <Title order={3} size="h5" mb="xs">
              {t('privacy.anonymiseTitle')}
            </Title>
            <Text size="sm" mb="xs">
              {t('privacy.anonymiseHint')}
            </Text>
            <Group align="flex-end">
              <TextInput label={t('privacy.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={300} error={fieldError('reason')} />
              <TextInput label={t('privacy.trackingNo')} placeholder="2026-0001234" value={trackingNo} onChange={(e) => setTrackingNo(e.currentTarget.value)} w={160} error={fieldError('trackingNo')} />
              {!confirming ? (
                <Button color="red" variant="light" disabled={reason.trim().length < 5} onClick={() => setConfirming(true)}>
                  {t('privacy.anonymise')}
                </Button>
              ) : (
                <Button
                  color="red"
                  loading={busy}
                  onClick={() =>
                    void act(async () => {
                      const counts = await anonymiseCitizen(citizen.id, reason.trim(), trackingNo.trim() || undefined);
                      notify({ message: t('privacy.anonymisedNotice', { ...counts }) });
                      onChanged();
                      onClose();
                    })
                  }
                >
                  {t('privacy.anonymiseConfirm')}
                </Button>
              )}
            </Group>
          </Paper>
        )}
      </Stack>
    </Modal>
  );
}

function RetentionSection() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const retention = useLoad(getRetention, []);
  const [edited, setEdited] = useState<RetentionPolicy | null>(null);
  const { run, busy, failure, fieldError } = useAction();
  const policy = edited ?? retention.data?.policy;

  const act = (action: () => Promise<void>) =>
    run(async () => {
      await action();
      retention.reload();
    });
  const runs = retention.data?.runs ?? [];
  const shownRuns = runs.slice(0, 12).reverse();
  const day = (iso: string) => formatDate(iso, i18n.language);

  return (
    <Stack mt="xl">
      <Title order={2}>{t('privacy.retentionTitle')}</Title>
      <Text maw={760}>{t('privacy.retentionIntro', { days: retention.data?.intervalDays ?? '…' })}</Text>
      <ErrorAlert error={retention.error ?? failure} fields={RETENTION_CLASSES} />
      {policy && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} maw={760}>
          {RETENTION_CLASSES.map((key) => (
            <NumberInput key={key} label={t(`privacy.class.${key}`)} suffix={` ${t('privacy.years')}`} min={1} max={100} value={policy[key]} onChange={(value) => setEdited({ ...policy, [key]: Number(value) || 1 })} error={fieldError(key)} />
          ))}
        </SimpleGrid>
      )}
      <Group>
        <Button disabled={!edited} loading={busy} onClick={() => void act(async () => {
          await saveRetentionPolicy(edited!);
          setEdited(null);
          notify({ message: t('privacy.policySaved') });
        })}>
          {t('common.save')}
        </Button>
        <Button variant="light" loading={busy} onClick={() => void act(async () => void (await runRetention(true)))}>
          {t('privacy.dryRun')}
        </Button>
        <Button color="red" variant="light" loading={busy} onClick={() => void act(async () => void (await runRetention(false)))}>
          {t('privacy.runNow')}
        </Button>
      </Group>
      {shownRuns.length > 0 && (
        <EChart
          label={t('privacy.chartLabel')}
          height={260}
          options={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, top: 32, bottom: 40 },
            xAxis: { type: 'category', data: shownRuns.map((r) => `${day(r.startedAt)}${r.dryRun ? ` (${t('privacy.dry')})` : ''}`) },
            yAxis: { type: 'value', minInterval: 1 },
            series: RETENTION_CLASSES.map((key) => ({ name: t(`privacy.class.${key}`), type: 'bar', stack: 'runs', data: shownRuns.map((r) => r.counts[key] ?? 0) })),
          }}
        />
      )}
      {runs.length > 0 && (
        <Table data-testid="retention-runs" maw={900}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('privacy.runAt')}</Table.Th>
              <Table.Th>{t('privacy.runKind')}</Table.Th>
              {RETENTION_CLASSES.map((key) => (
                <Table.Th key={key}>{t(`privacy.class.${key}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.startedAt, i18n.language)}</Table.Td>
                <Table.Td>{`${t(`privacy.trigger.${r.trigger}` as 'privacy.trigger.api')}${r.dryRun ? ` · ${t('privacy.dry')}` : ''}`}</Table.Td>
                {RETENTION_CLASSES.map((key) => (
                  <Table.Td key={key}>{r.counts[key] ?? 0}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
