import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { detailLine, errorHeading, errorSentence } from '../i18n/server-errors';

/**
 * A failed request, inline and in the user's language: the heading says what kind of failure,
 * the body the catalogue's sentence for its code, or each field at fault with its label. The
 * server's English message is never shown (it is for operators).
 */
export function ErrorAlert({ error, title }: { error: Error | null | undefined; title?: string }) {
  useTranslation(); // re-render when the language changes
  if (!error) return null;
  const failure = error instanceof ApiError ? error : null;
  const heading = title ?? errorHeading(failure?.code ?? 'internal');
  const sentence = failure && failure.status !== 0 ? errorSentence(failure.code, failure.params) : null;
  const lines = failure?.details.map(detailLine) ?? [];
  return (
    <Alert color="red" title={heading} role="alert">
      {sentence}
      {lines.length === 1 && !sentence ? lines[0] : null}
      {lines.length > 1 || (lines.length === 1 && sentence) ? (
        <List size="sm">
          {lines.map((line, i) => (
            <List.Item key={i}>{line}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
