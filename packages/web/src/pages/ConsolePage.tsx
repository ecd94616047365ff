import { useEffect, useRef, useState } from 'react';
import { Alert, Grid, Group, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { AgentView } from '../api/agents';
import type { Article } from '../api/knowledgeBase';
import { closeContact, getConsoleCall, takeCall, useEventStream, type ConsolePop, type ContactOutcome } from '../api/live';
import { AgentStateBar } from '../components/AgentStateBar';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../hooks/useAction';
import { useNotify } from '../hooks/useNotices';
import { navigate } from '../router';
import { ArticlePanel } from './console/ArticlePanel';
import { CallerCard } from './console/CallerCard';
import { KnowledgeSearch } from './console/KnowledgeSearch';
import { requestFormPath } from './console/requestFormPath';
import { TakeCall } from './console/TakeCall';
import { WrapUp } from './console/WrapUp';

/**
 * The agent's console: the call in hand pops up with the caller's history (pushed by the server
 * the moment telephony connects it), the knowledge base answers as the agent types, and the
 * contact closes in one step. Everything has a key: Alt+N number, Alt+K search, Ctrl+Enter
 * close as information given, Alt+R request form, Alt+1/2/3 state.
 */
export default function ConsolePage() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const stream = useEventStream<{ call: ConsolePop; agent: AgentView }>('/console/stream', ['call', 'agent']);
  const [pop, setPop] = useState<ConsolePop | null>(null);
  const [article, setArticle] = useState<Article | null>(null);
  const { run: act, busy, failure } = useAction();
  const numberInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (stream.data.call) setPop(stream.data.call);
  }, [stream.data.call]);

  const call = pop?.call ?? null;
  const history = pop?.history ?? null;

  const refresh = async () => setPop(await getConsoleCall());

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
    if (call) navigate(requestFormPath(call, history, article));
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
        <AgentStateBar live={stream.data.agent} />
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
              <TakeCall
                inputRef={numberInput}
                busy={busy}
                onTake={(number) =>
                  act(async () => {
                    await takeCall(number);
                    await refresh();
                    searchInput.current?.focus();
                  })
                }
              />
            )}
            {call && <WrapUp busy={busy} onClose={(outcome, notes) => void close(outcome, { notes })} onRequest={openRequestForm} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <KnowledgeSearch inputRef={searchInput} selected={article} onSelect={setArticle} />
          {article && <ArticlePanel article={article} inCall={call !== null} busy={busy} onInformed={closeInformed} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
