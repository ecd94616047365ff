import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Alert, Badge, Button, Grid, Group, Kbd, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { searchArticles, type Article } from '../api/knowledgeBase';
import { CONTACT_OUTCOMES, closeContact, getConsoleCall, takeCall, useEventStream, type ConsolePop, type ContactOutcome } from '../api/live';
import { AgentStateBar } from '../components/AgentStateBar';
import { ArticleBody } from '../components/ArticleBody';
import { ErrorAlert } from '../components/ErrorAlert';
import { RequestStatusBadge } from '../components/RequestStatusBadge';
import { formatDateTime } from '../dates';
import { useLoad } from '../hooks/useLoad';
import { useNotify } from '../hooks/useNotices';
import { linkProps, navigate } from '../router';

/** Outcomes closed from the wrap-up form; information given and request created have their own buttons. */
const WRAP_UP_OUTCOMES = CONTACT_OUTCOMES.filter((o) => o !== 'information_given' && o !== 'request_created');
const SEARCH_DELAY_MS = 150;

/**
 * The agent's console: the call in hand pops up with the caller's history (pushed by the server
 * the moment telephony connects it), the knowledge base answers as the agent types, and the
 * contact closes in one step. Everything has a key: Alt+N number, Alt+K search, Ctrl+Enter
 * close as information given, Alt+R request form, Alt+1/2/3 state.
 */
export default function ConsolePage() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const stream = useEventStream<ConsolePop>('/console/stream', 'call');
  const [pop, setPop] = useState<ConsolePop | null>(null);
  const [article, setArticle] = useState<Article | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const numberInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (stream.data) setPop(stream.data);
  }, [stream.data]);

  const call = pop?.call ?? null;
  const history = pop?.history ?? null;

  const refresh = async () => setPop(await getConsoleCall());

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(false);
    }
  };

  const close = (outcome: ContactOutcome, extra: { notes?: string; kbArticleId?: number } = {}) =>
    act(async () => {
      if (!call) return;
      await closeContact(call.contactId, { outcome, ...extra });
      notify({ message: t('console.closed', { outcome: t(`console.outcome.${outcome}`) }) });
      setArticle(null);
      await refresh();
      numberInput.current?.focus();
    });

  const closeInformed = () => {
    if (call && article) void close('information_given', { kbArticleId: article.id });
  };

  const openRequestForm = () => {
    if (!call) return;
    const query = new URLSearchParams({ contactId: String(call.contactId) });
    if (call.callerNumber) query.set('phone', call.callerNumber);
    if (history?.citizens[0]?.fullName) query.set('name', history.citizens[0].fullName);
    if (article?.categoryId) query.set('categoryId', String(article.categoryId));
    navigate(`/requests/new?${query.toString()}`);
  };

  useHotkeys(
    [
      ['alt+N', () => numberInput.current?.focus()],
      ['alt+K', () => searchInput.current?.focus()],
      ['mod+Enter', closeInformed],
      ['alt+R', openRequestForm],
    ],
    [],
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{t('console.title')}</Title>
        <AgentStateBar version={`${call?.contactId ?? ''}:${call?.endedAt ?? ''}`} />
      </Group>
      {stream.status === 'lost' && (
        <Alert color="red" role="alert">
          {t('console.streamLost')}
        </Alert>
      )}
      <ErrorAlert error={failure} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {call ? (
              <CallerCard pop={pop!} language={i18n.language} />
            ) : (
              <TakeCall inputRef={numberInput} busy={busy} onTake={(number) => act(async () => {
                await takeCall(number);
                await refresh();
                searchInput.current?.focus();
              })} />
            )}
            {call && (
              <WrapUp
                busy={busy}
                onClose={(outcome, notes) => void close(outcome, { notes })}
                onRequest={openRequestForm}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <KnowledgeSearch inputRef={searchInput} selected={article} onSelect={setArticle} />
          {article && (
            <Paper withBorder p="md" radius="md" mt="md" data-testid="kb-article">
              <Title order={2} size="h3">
                {i18n.language === 'en' && article.titleEn ? article.titleEn : article.titleTr}
              </Title>
              <Group gap="xs" my="xs">
                {article.tags.map((tag) => (
                  <Badge key={tag} variant="light" size="sm">
                    {tag}
                  </Badge>
                ))}
              </Group>
              <ArticleBody text={i18n.language === 'en' && article.bodyEn ? article.bodyEn : article.bodyTr} />
              <Group mt="md">
                <Button onClick={closeInformed} disabled={!call} loading={busy} color="teal">
                  {t('console.closeInformed')} <Kbd ml="xs">Ctrl+Enter</Kbd>
                </Button>
                {!call && <Text c="dimmed">{t('console.noCallToClose')}</Text>}
              </Group>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function TakeCall({ inputRef, busy, onTake }: { inputRef: RefObject<HTMLInputElement | null>; busy: boolean; onTake: (number: string) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('console.waitingForCall')}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('console.waitingHint')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (number.replace(/\D/g, '').length < 7) {
            setError(t('console.numberInvalid'));
            return;
          }
          onTake(number);
          setNumber('');
        }}
      >
        <Group align="flex-end">
          <TextInput
            ref={inputRef}
            label={t('console.callerNumber')}
            description={<>{t('console.keyHint')} <Kbd>Alt+N</Kbd></>}
            type="tel"
            autoComplete="off"
            value={number}
            onChange={(event) => {
              setNumber(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            style={{ flex: 1 }}
            autoFocus
          />
          <Button type="submit" loading={busy}>
            {t('console.take')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function CallerCard({ pop, language }: { pop: ConsolePop; language: string }) {
  const { t } = useTranslation();
  const call = pop.call!;
  const history = pop.history;
  const person = history?.citizens[0];
  return (
    <Paper withBorder p="md" radius="md" bg="blue.0" data-testid="caller-card" aria-live="polite">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('console.incoming')}
        </Title>
        <Badge variant="light">{t(`console.source.${call.source}`)}</Badge>
      </Group>
      <Text fz={28} fw={700} ff="monospace" data-testid="caller-number">
        {call.callerNumber ?? t('console.unknownNumber')}
      </Text>
      <Text data-testid="caller-name" fw={500}>
        {person?.fullName ?? t('console.unknownCaller')}
      </Text>
      <Text size="sm" c="dimmed">
        {[call.queue && t('console.queue', { queue: call.queue }), call.answeredAt && t('console.answeredAt', { time: formatDateTime(call.answeredAt, language) }), call.endedAt && t('console.hungUp')].filter(Boolean).join(' · ')}
      </Text>
      {history && history.requests.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('console.requests')}
          </Title>
          <Table striped withTableBorder data-testid="caller-requests">
            <Table.Tbody>
              {history.requests.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <a {...linkProps(`/requests/${r.id}`)}>{r.trackingNo}</a>
                  </Table.Td>
                  <Table.Td>{r.categoryName}</Table.Td>
                  <Table.Td>
                    <RequestStatusBadge status={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {history && history.contacts.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('console.earlierContacts')}
          </Title>
          <Table striped withTableBorder data-testid="caller-contacts">
            <Table.Tbody>
              {history.contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDateTime(c.offeredAt, language)}</Table.Td>
                  <Table.Td>{t(`channel.${c.channel}` as 'channel.phone', { defaultValue: c.channel })}</Table.Td>
                  <Table.Td>{c.outcome ? t(`console.outcome.${c.outcome}` as 'console.outcome.other', { defaultValue: c.outcome }) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {history && history.requests.length === 0 && history.contacts.length === 0 && (
        <Text c="dimmed" mt="sm">
          {t('console.firstContact')}
        </Text>
      )}
    </Paper>
  );
}

function WrapUp({ busy, onClose, onRequest }: { busy: boolean; onClose: (outcome: ContactOutcome, notes: string) => void; onRequest: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ContactOutcome | null>(null);
  const [notes, setNotes] = useState('');
  return (
    <Paper withBorder p="md" radius="md">
      <Group mb="sm">
        <Button variant="light" onClick={onRequest}>
          {t('console.openRequest')} <Kbd ml="xs">Alt+R</Kbd>
        </Button>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (outcome) onClose(outcome, notes);
        }}
      >
        <Stack gap="xs">
          <Select<ContactOutcome>
            label={t('console.wrapUpOutcome')}
            placeholder={t('console.wrapUpPlaceholder')}
            data={WRAP_UP_OUTCOMES.map((o) => ({ value: o, label: t(`console.outcome.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
          />
          <Textarea label={t('console.notes')} autosize minRows={2} maxLength={5000} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} />
          <Group>
            <Button type="submit" variant="default" disabled={!outcome} loading={busy}>
              {t('console.closeWithOutcome')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function KnowledgeSearch({ inputRef, selected, onSelect }: { inputRef: RefObject<HTMLInputElement | null>; selected: Article | null; onSelect: (a: Article) => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [typed] = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const results = useLoad(() => (typed.length >= 2 ? searchArticles({ q: typed, limit: 8 }) : Promise.resolve([])), [typed]);
  const items = results.data ?? [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((n) => Math.min(items.length - 1, n + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((n) => Math.max(0, n - 1));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && items[active]) {
      event.preventDefault();
      onSelect(items[active]);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <TextInput
        ref={inputRef}
        label={t('console.search')}
        description={<>{t('console.searchHint')} <Kbd>Alt+K</Kbd></>}
        placeholder={t('console.searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        aria-controls="kb-results"
        type="search"
      />
      <ErrorAlert error={results.error} />
      <Stack gap={4} mt="sm" id="kb-results" role="listbox" aria-label={t('console.results')}>
        {items.map((a, i) => (
          <UnstyledButton
            key={a.id}
            role="option"
            aria-selected={selected?.id === a.id}
            onClick={() => onSelect(a)}
            p="xs"
            style={{ borderRadius: 6, outline: i === active ? '2px solid var(--mantine-color-blue-5)' : undefined, background: selected?.id === a.id ? 'var(--mantine-color-blue-0)' : undefined }}
          >
            <Text fw={500}>{i18n.language === 'en' && a.titleEn ? a.titleEn : a.titleTr}</Text>
            <Text size="xs" c="dimmed">
              {t('console.usedTimes', { count: a.useCount })}
            </Text>
          </UnstyledButton>
        ))}
        {typed.length >= 2 && !results.loading && items.length === 0 && <Text c="dimmed">{t('console.noResults')}</Text>}
      </Stack>
    </Paper>
  );
}
