import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../router';
import { PhoneSignIn } from './PhoneSignIn';

export default function PortalTrackPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('portal.track.title')}</Title>
      <Text>{t('portal.track.intro')}</Text>
      <PhoneSignIn askTrackingNo onSignedIn={(trackingNo) => navigate(trackingNo ? `/portal/requests/${trackingNo}` : '/portal/requests')} />
    </Stack>
  );
}
