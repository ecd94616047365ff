import { Badge, Button, Group, Kbd, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../api/knowledgeBase';
import { ArticleBody } from '../../components/ArticleBody';

/** The article the agent reads to the caller, and the one click that closes the call as informed. */
export function ArticlePanel({ article, inCall, busy, onInformed }: { article: Article; inCall: boolean; busy: boolean; onInformed: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <Paper withBorder p="md" radius="md" mt="md" data-testid="kb-article">
      <Title order={2} size="h3">
        {english && article.titleEn ? article.titleEn : article.titleTr}
      </Title>
      <Group gap="xs" my="xs">
        {article.tags.map((tag) => (
          <Badge key={tag} variant="light" size="sm">
            {tag}
          </Badge>
        ))}
      </Group>
      <ArticleBody text={english && article.bodyEn ? article.bodyEn : article.bodyTr} />
      <Group mt="md">
        <Button onClick={onInformed} disabled={!inCall} loading={busy} color="teal">
          {t('console.closeInformed')} <Kbd ml="xs">Ctrl+Enter</Kbd>
        </Button>
        {!inCall && <Text c="dimmed">{t('console.noCallToClose')}</Text>}
      </Group>
    </Paper>
  );
}
