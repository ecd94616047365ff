import type { ReactNode } from 'react';
import { AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/users';
import { useNotify } from '../hooks/useNotices';
import { useSession } from '../hooks/useSession';
import { menuTreeFor, type Page } from '../navigation';
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

  const tree = menuTreeFor(user.role);
  const link = (page: Page) => {
    const props = linkProps(page.path);
    return (
      <NavLink
        key={page.path}
        component="a"
        href={props.href}
        onClick={(event) => {
          props.onClick(event);
          menu.close();
        }}
        label={t(page.labelKey)}
        active={page.path === path}
        aria-current={page.path === path ? 'page' : undefined}
      />
    );
  };

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
        <AppShell.Section grow component={ScrollArea}>
          {tree.main.map(link)}
          {tree.groups.length > 0 && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
              {t('navGroups.admin')}
            </Text>
          )}
          {tree.groups.map((group) => (
            <Box key={group.labelKey} role="group" aria-label={t(group.labelKey)} mb={4}>
              <Text size="xs" fw={600} c="dimmed" px="sm" pt={6} pb={2}>
                {t(group.labelKey)}
              </Text>
              {group.pages.map(link)}
            </Box>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
