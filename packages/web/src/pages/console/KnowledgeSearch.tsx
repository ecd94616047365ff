import { useState, type KeyboardEvent, type RefObject } from 'react';
import { Kbd, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { searchArticles, type Article } from '../../api/knowledgeBase';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../hooks/useLoad';

const SEARCH_DELAY_MS = 150;

/** The knowledge base, answering as the agent types; arrows move through the answers, Enter picks one. */
export function KnowledgeSearch({ inputRef, selected, onSelect }: { inputRef: RefObject<HTMLInputElement | null>; selected: Article | null; onSelect: (a: Article) => void }) {
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
