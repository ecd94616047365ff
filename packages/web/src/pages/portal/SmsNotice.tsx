import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalConfig } from '../../api/portal';

/**
 * How codes reach the phone here (`sms` of /portal/config): said plainly when they cannot
 * (no SMS provider: what to do instead), and in development mode where the code shows up.
 */
export function SmsNotice({ sms }: { sms: PortalConfig['sms'] | undefined }) {
  const { t } = useTranslation();
  if (sms === 'unavailable') return <SmsUnavailable />;
  if (sms === 'development') {
    return (
      <Alert color="yellow" variant="light" data-testid="sms-development">
        <Text size="sm" c="gray.9">{t('portal.sms.development')}</Text>
      </Alert>
    );
  }
  return null;
}

/** No code can reach a phone from this server: the citizen hears why and what to do instead. */
export function SmsUnavailable() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="outline" title={t('portal.sms.unavailableTitle')} role="alert" data-testid="sms-unavailable" styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}>
      <Text c="gray.9" size="sm">{t('portal.sms.unavailable')}</Text>
    </Alert>
  );
}
