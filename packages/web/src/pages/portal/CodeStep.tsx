import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { PortalConfig } from '../../api/portal';
import { useAction } from '../../hooks/useAction';
import { errorLines } from '../../i18n/server-errors';
import { PORTAL_COLOR } from '../../components/PortalFrame';
import { formatPhone } from '@cozum/domain';
import { SmsNotice, SmsUnavailable } from './SmsNotice';

/**
 * The one-time code from the SMS: the server counts wrong tries and locks after five. What is
 * wrong with the code is said under it; a code that can no longer work leads to a new one.
 */
export function CodeStep({ phone, length, onSubmit, onAgain, ifKnown, sms }: { phone: string; length: number; onSubmit: (code: string) => Promise<void>; onAgain: () => void; ifKnown?: boolean; sms?: PortalConfig['sms'] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { run, busy, failure: error, fieldError } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => onSubmit(code.trim()));
  }
  // What is wrong with the code stands under it; any other refusal (too many, no network) below.
  const codeProblem = codeMessage(error, length, t) ?? fieldError('code');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Text>{t(ifKnown ? 'portal.code.sentIfKnown' : 'portal.code.sent', { phone: formatPhone(phone) })}</Text>
        <SmsNotice sms={sms} />
        <TextInput
          label={t('portal.code.label')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={length}
          required
          autoFocus
          error={codeProblem}
        />
        {error && !codeProblem && <PortalError error={error} />}
        <Group>
          <Button type="submit" loading={busy} color={PORTAL_COLOR}>
            {t('portal.code.confirm')}
          </Button>
          <Button variant="subtle" color={PORTAL_COLOR} onClick={onAgain} disabled={busy}>
            {t('portal.code.again')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The server's refusal of a code, said in the citizen's language under the code; undefined when the refusal is not about the code. */
function codeMessage(error: Error | null, length: number, t: TFunction): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const aboutCode = error.fieldMessage('code') !== undefined;
  switch (error.code) {
    case 'portal.wrong_code':
      return t('portal.code.wrongCode', { length });
    case 'portal.code_expired':
      return t('portal.code.expired');
    case 'portal.code_used_conflict':
      return t('portal.code.used');
    case 'rate_limited':
      return aboutCode ? t('portal.code.locked') : undefined;
    case 'not_found':
      return aboutCode ? t('portal.code.unknown') : undefined;
    case 'validation_failed':
      return aboutCode ? t('portal.code.wrongCode', { length }) : undefined;
    default:
      return undefined;
  }
}

/**
 * A refusal from the server, in the page's language: a heading by its kind, and the catalogue's
 * sentence or the fields at fault, leaving out the `fields` the form shows next to their inputs.
 */
export function PortalError({ error, fields }: { error: Error | null; fields?: readonly string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'portal.sms_unavailable') return <SmsUnavailable />;
  const status = error instanceof ApiError ? error.status : null;
  const heading = status === 429 ? t('portal.errors.tooMany') : status === 0 ? t('portal.errors.network') : status === 404 ? t('portal.errors.notFound') : t('portal.errors.refused');
  const lines = errorLines(error, fields);
  return (
    <Alert color="red" variant="outline" title={heading} role="alert" styles={{ title: { color: 'var(--mantine-color-red-9)' } }}>
      {lines.map((line, i) => (
        <Text key={i} c="gray.9" size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}
