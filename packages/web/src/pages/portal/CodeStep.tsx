import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { errorLines } from '../../i18n/server-errors';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { formatPhone } from '@cozum/domain';

/** The one-time code from the SMS: the server counts wrong tries and locks after five. */
export function CodeStep({ phone, length, onSubmit, ifKnown }: { phone: string; length: number; onSubmit: (code: string) => Promise<void>; ifKnown?: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { run, busy, failure: error, fieldError } = useAction();
  // What is wrong with the code stands under it; any other refusal (too many, no network) below.
  const codeProblem = fieldError('code');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => onSubmit(code.trim()));
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text>{t(ifKnown ? 'portal.code.sentIfKnown' : 'portal.code.sent', { phone: formatPhone(phone) })}</Text>
        <TextInput
          label={t('portal.code.label')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={length}
          required
          autoFocus
          error={codeProblem ?? (error ? t('portal.code.wrong') : undefined)}
        />
        {error && !codeProblem && <PortalError error={error} />}
        <Button type="submit" loading={busy} color={PORTAL_COLOR}>
          {t('portal.code.confirm')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * A refusal from the server, in the page's language: a heading by its kind, and the catalogue's
 * sentence or the fields at fault, leaving out the `fields` the form shows next to their inputs.
 */
export function PortalError({ error, fields }: { error: Error | null; fields?: readonly string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const heading = status === 429 ? t('portal.errors.tooMany') : status === 0 ? t('portal.errors.network') : status === 404 ? t('portal.errors.notFound') : t('portal.errors.refused');
  const lines = errorLines(error, fields);
  return (
    <Alert color="red" variant="outline" title={heading} role="alert">
      {lines.map((line, i) => (
        <Text key={i} c="gray.9" size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}
