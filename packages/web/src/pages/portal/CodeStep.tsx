import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { PORTAL_COLOR } from '../../components/PortalFrame';

/** The one-time code from the SMS: the server counts wrong tries and locks after five. */
export function CodeStep({ phone, length, onSubmit, ifKnown }: { phone: string; length: number; onSubmit: (code: string) => Promise<void>; ifKnown?: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { run, busy, failure: error } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => onSubmit(code.trim()));
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text>{t(ifKnown ? 'portal.code.sentIfKnown' : 'portal.code.sent', { phone })}</Text>
        <TextInput
          label={t('portal.code.label')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={length}
          required
          autoFocus
          error={error ? t('portal.code.wrong') : undefined}
        />
        {error && <PortalError error={error} />}
        <Button type="submit" loading={busy} color={PORTAL_COLOR}>
          {t('portal.code.confirm')}
        </Button>
      </Stack>
    </form>
  );
}

/** A refusal from the server: a heading in the page's language, and the server's own words. */
export function PortalError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const heading = status === 429 ? t('portal.errors.tooMany') : status === 0 ? t('portal.errors.network') : status === 404 ? t('portal.errors.notFound') : t('portal.errors.refused');
  return (
    <Alert color="red" variant="outline" title={heading} role="alert">
      <Text c="gray.9" size="sm">{error.message}</Text>
    </Alert>
  );
}
