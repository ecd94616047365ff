import type { ReactNode } from 'react';
import { AppShell, Box, Burger, Button, Group, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/users';
import { useNotify } from '../hooks/useNotices';
import { useSession } from '../hooks/useSession';
import { menuFor } from '../navigation';
import { linkProps, navigate, useRoute } from '../router';
import { errorText } from '../i18n/server-errors';
import { LanguageSwitch } from './LanguageSwitch';

/** The signed-in frame: header (product, user, language, logout) and the role's menu. */
export function AppFrame({ user, children }: { user: User; children: ReactNode }) {
  const { t } = useTranslation();
  const { path } = useRoute();
  const { logout } = useSession();
  const notify = useNotify();
  const [menuOpen, menu] = useDisclosure(false);

  async function handleLogout() {
    try {
      await logout();
    } catch (error) {
      notify({ color: 'red', title: t('errors.title'), message: errorText(error) });
    }
    navigate('/', { replace: true });
  }

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={menuOpen} onClick={menu.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton component="a" {...linkProps('/')} fw={700} fz="xl">
              {t('app.name')}
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Box visibleFrom="sm">
              <Text size="sm" fw={500} lh={1.2} data-testid="current-user-name">
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} data-testid="current-user-role">
                {t(`roles.${user.role}`)}
              </Text>
            </Box>
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={() => void handleLogout()}>
              {t('auth.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {menuFor(user.role).map((page) => {
          const link = linkProps(page.path);
          return (
            <NavLink
              key={page.path}
              component="a"
              href={link.href}
              onClick={(event) => {
                link.onClick(event);
                menu.close();
              }}
              label={t(page.labelKey)}
              active={page.path === path}
              aria-current={page.path === path ? 'page' : undefined}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
