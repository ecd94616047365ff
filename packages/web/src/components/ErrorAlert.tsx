import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * A failed request, inline: the title says what kind of failure in the user's language, the
 * body is the server's own message (which names what was wrong).
 */
export function ErrorAlert({ error, title }: { error: Error | null | undefined; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'internal';
  const key = `errors.${code}`;
  const heading = title ?? (i18n.exists(key) ? t(key as 'errors.title') : t('errors.title'));
  // Our own network message is English-only; the translated title says it all.
  const body = error instanceof ApiError && error.status === 0 ? null : error.message;
  return (
    <Alert color="red" title={heading} role="alert">
      {body}
    </Alert>
  );
}
