import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { linkProps } from '../router';

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.text', { path })}</Text>
      <Button component="a" variant="light" {...linkProps('/')}>
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
