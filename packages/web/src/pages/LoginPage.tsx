import { useState } from 'react';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useForm, type FieldErrors } from '../hooks/useForm';
import { useSession } from '../hooks/useSession';
import { mayVisit, pageAt, ROLE_HOME } from '../navigation';
import { navigate } from '../router';

interface Credentials {
  username: string;
  password: string;
  totpCode: string;
}

/**
 * Shown at any address while nobody is signed in. After signing in the user stays on the page
 * they asked for when their role may see it, and otherwise goes to their role's home.
 */
export function LoginPage({ ended, error }: { ended: boolean; error: Error | null }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const form = useForm<Credentials>({ username: '', password: '', totpCode: '' });
  // Accounts with two-factor sign-in: the server asks for the code after the password.
  const [needsCode, setNeedsCode] = useState(false);
  // After repeated failures the browser proves some work before the next try (no lockout).
  const [proving, setProving] = useState(false);

  const validate = (values: Credentials): FieldErrors<Credentials> => ({
    username: values.username.trim() ? undefined : t('validation.required'),
    password: values.password ? undefined : t('validation.required'),
    totpCode: !needsCode || /^\d{6}$/.test(values.totpCode) ? undefined : t('auth.totpHint'),
  });

  const signIn = async (values: Credentials) => {
    let user;
    try {
      user = await login(values.username.trim(), values.password, needsCode ? values.totpCode : undefined, setProving);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') setNeedsCode(true);
      throw error;
    }
    const asked = pageAt(window.location.pathname.replace(/\/+$/, '') || '/');
    if (!asked || asked.path === '/' || !mayVisit(asked, user.role)) navigate(ROLE_HOME[user.role], { replace: true });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%">
        <Group justify="space-between" align="flex-start" mb="lg">
          <div>
            <Title order={1}>{t('app.name')}</Title>
            <Text c="dimmed" size="sm">
              {t('auth.title')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <form noValidate onSubmit={(event) => {
          event.preventDefault();
          void form.submit(validate, signIn);
        }}>
          <Stack>
            {ended && !form.failure && <Alert color="blue">{t('auth.sessionEnded')}</Alert>}
            <ErrorAlert error={form.failure ?? error} fields={form.fields} />
            {proving && <Alert color="blue" data-testid="proof-of-work">{t('auth.provingWork')}</Alert>}
            <TextInput
              label={t('auth.username')}
              autoComplete="username"
              autoFocus
              required
              value={form.values.username}
              onChange={(event) => form.set('username', event.currentTarget.value)}
              error={form.errors.username}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={form.values.password}
              onChange={(event) => form.set('password', event.currentTarget.value)}
              error={form.errors.password}
              visibilityToggleButtonProps={{ 'aria-label': t('common.showHide') }}
            />
            {needsCode && (
              <TextInput
                label={t('auth.totpCode')}
                description={t('auth.totpHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                value={form.values.totpCode}
                onChange={(event) => form.set('totpCode', event.currentTarget.value.replace(/\D/g, ''))}
                error={form.errors.totpCode}
              />
            )}
            <Button type="submit" loading={form.busy} fullWidth>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
