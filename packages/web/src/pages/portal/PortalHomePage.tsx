import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { portalApi } from '../../api/portal';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { useLoad } from '../../hooks/useLoad';
import { linkProps } from '../../router';
import { SmsUnavailable } from './SmsNotice';

export default function PortalHomePage() {
  const { t } = useTranslation();
  const config = useLoad(() => portalApi.config(), []);
  return (
    <Stack gap="md">
      <Title order={1}>{t('portal.home.title')}</Title>
      <Text>{t('portal.home.intro')}</Text>
      {/* Every way in below needs a code by SMS: said before the citizen tries. */}
      {config.data?.sms === 'unavailable' && <SmsUnavailable />}
      <Button component="a" {...linkProps('/portal/new')} color={PORTAL_COLOR} size="lg">
        {t('portal.nav.new')}
      </Button>
      <Button component="a" {...linkProps('/portal/track')} variant="outline" color={PORTAL_COLOR} size="lg">
        {t('portal.nav.track')}
      </Button>
      <Button component="a" {...linkProps('/portal/requests')} variant="outline" color={PORTAL_COLOR} size="lg">
        {t('portal.nav.mine')}
      </Button>
      <Text size="sm" c="gray.8">{t('portal.home.phone')}</Text>
    </Stack>
  );
}
