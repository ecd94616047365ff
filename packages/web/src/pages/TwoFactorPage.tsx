import { useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmTotp, disableTotp, getTotp, startTotp } from '../api/security';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { useNotify } from '../hooks/useNotices';

/** The signed-in user's optional second factor: an authenticator app's 6-digit codes (TOTP). */
export default function TwoFactorPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const status = useLoad(getTotp, []);
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState('');
  const { run: act, busy, failure, fieldError } = useAction();
  // Turning the factor on or off, each proved by a current code.
  const sendCode = (send: (code: string) => Promise<unknown>, done: string) =>
    act(async () => {
      await send(code);
      setCode('');
      setEnrolment(null);
      notify({ message: done });
      status.reload();
    });
  const codeInput = (
    <TextInput
      label={t('twoFactor.code')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={code}
      onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, ''))}
      error={fieldError('code')}
      w={160}
    />
  );

  return (
    <>
      <PageHeader title={t('twoFactor.title')} />
      <Text mb="md" maw={720}>
        {t('twoFactor.intro')}
      </Text>
      <ErrorAlert error={status.error ?? failure} fields={['code']} />
      {status.data?.enabled && (
        <Paper withBorder p="md" maw={720}>
          <Stack>
            <Alert color="green" data-testid="totp-on">
              {t('twoFactor.on')}
            </Alert>
            <Text size="sm">{t('twoFactor.disableHint')}</Text>
            <Group align="flex-end">
              {codeInput}
              <Button
                color="red"
                variant="light"
                loading={busy}
                disabled={code.length !== 6}
                onClick={() => void sendCode(disableTotp, t('twoFactor.disabled'))}
              >
                {t('twoFactor.disable')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {status.data && !status.data.enabled && !enrolment && (
        <Button loading={busy} onClick={() => void act(async () => setEnrolment(await startTotp()))}>
          {t('twoFactor.start')}
        </Button>
      )}
      {status.data && !status.data.enabled && enrolment && (
        <Paper withBorder p="md" maw={720}>
          <Stack>
            <Text>{t('twoFactor.step1')}</Text>
            <Anchor href={enrolment.otpauthUri}>{t('twoFactor.openApp')}</Anchor>
            <Text size="sm">{t('twoFactor.orType')}</Text>
            <Code block data-testid="totp-secret">
              {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Code>
            <Text>{t('twoFactor.step2')}</Text>
            <Group align="flex-end">
              {codeInput}
              <Button
                loading={busy}
                disabled={code.length !== 6}
                onClick={() => void sendCode(confirmTotp, t('twoFactor.enabled'))}
              >
                {t('twoFactor.confirm')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </>
  );
}
