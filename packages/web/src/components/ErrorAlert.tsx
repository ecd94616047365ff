import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorHeading, errorLines } from '../i18n/server-errors';

/**
 * A failed request, inline and in the user's language: the heading says what kind of failure,
 * the body the catalogue's sentence for its code (which says it all), or else each field at
 * fault with its label, leaving out the `fields` a form shows next to their inputs. The
 * server's English message is never shown (it is for operators).
 */
export function ErrorAlert({ error, title, fields }: { error: Error | null | undefined; title?: string; fields?: readonly string[] }) {
  useTranslation(); // re-render when the language changes
  if (!error) return null;
  const failure = error instanceof ApiError ? error : null;
  const heading = title ?? errorHeading(failure?.code ?? 'internal');
  const lines = errorLines(failure, fields);
  return (
    <Alert color="red" title={heading} role="alert">
      {lines.length === 1 ? lines[0] : null}
      {lines.length > 1 ? (
        <List size="sm">
          {lines.map((line, i) => (
            <List.Item key={i}>{line}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
