import type { ReactNode } from 'react';
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { linkProps } from '../router';
import { LanguageSwitch } from './LanguageSwitch';
import './PortalFrame.css';

/** Contrast of at least 4.5:1 on white (WCAG 2.1 AA) for the portal's links and buttons. */
export const PORTAL_COLOR = '#066649';

/** The citizen portal's own simple frame: no staff menu, a skip link, the language switch. */
export function PortalFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="cozum-portal">
      <a href="#portal-main" className="cozum-portal-skip">
        {t('portal.skipToContent')}
      </a>
      <Box component="header" bg="teal.9" c="white" py="sm">
        <Container size="sm">
          <Group justify="space-between" wrap="nowrap">
            <Anchor {...linkProps('/portal')} c="white" fw={700} fz="lg" underline="never">
              {t('portal.title')}
            </Anchor>
            <Box bg="white" p={2} style={{ borderRadius: 4 }}>
              <LanguageSwitch />
            </Box>
          </Group>
        </Container>
      </Box>
      <Container size="sm" py="md" component="main" id="portal-main">
        {children}
      </Container>
      <Container size="sm" component="footer" py="md">
        <Group gap="md">
          <Anchor {...linkProps('/portal/new')} c={PORTAL_COLOR}>{t('portal.nav.new')}</Anchor>
          <Anchor {...linkProps('/portal/track')} c={PORTAL_COLOR}>{t('portal.nav.track')}</Anchor>
          <Anchor {...linkProps('/portal/requests')} c={PORTAL_COLOR}>{t('portal.nav.mine')}</Anchor>
        </Group>
        <Text size="sm" c="gray.8" mt="xs">{t('portal.footer')}</Text>
      </Container>
    </div>
  );
}
