import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/roles';

export function ForbiddenPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('forbidden.title')}</Title>
      <Alert color="orange">{t('forbidden.text', { role: t(`roles.${role}`) })}</Alert>
    </Stack>
  );
}
