import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../api/roles';
import { useUser } from '../hooks/useSession';
import { SupervisorHome } from './home/SupervisorHome';

/** The landing page: today's figures for those who watch the centre (its calls and every unit's open requests), a welcome for the others. */
export default function HomePage() {
  const user = useUser();
  return can(user.role, 'kpis.read') && can(user.role, 'reports.read') ? <SupervisorHome /> : <Welcome />;
}

function Welcome() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Stack maw={720}>
      <Title order={1}>{t('home.welcome', { name: user.displayName })}</Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('home.role')}
          </Text>
          <Text fw={500} data-testid="home-role">{t(`roles.${user.role}`)}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('home.unit')}
          </Text>
          <Text fw={500} data-testid="home-unit">{user.unitName ?? t('home.noUnit')}</Text>
        </Paper>
      </SimpleGrid>
      <Text>{t('home.hint')}</Text>
    </Stack>
  );
}
