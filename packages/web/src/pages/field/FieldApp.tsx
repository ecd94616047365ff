/**
 * The field app for the Mobile Solution Bus and field teams, at /field. Works with no network:
 * a service worker keeps the app shell, IndexedDB keeps the reference data and the queue.
 * Requests, survey answers and work-order closes are queued with an idempotency key and sent
 * when the network is back (at once, when the browser says it is online, or by the button).
 */
import { useEffect, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { User } from '../../api/users';
import { useSession } from '../../hooks/useSession';
import { LoginPage } from '../LoginPage';
import { FieldWork } from './FieldWork';
import { loadUser, saveUser } from './store';

export default function FieldApp() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [cachedUser, setCachedUser] = useState<User | null | undefined>(undefined);
  useDocumentTitle(`${t('field.app.title')} · ${t('app.name')}`);

  useEffect(() => {
    void loadUser().then((u) => setCachedUser(u ?? null), () => setCachedUser(null));
  }, []);
  useEffect(() => {
    if (session.status === 'signed-in') void saveUser(session.user);
  }, [session]);

  if (session.status === 'signed-in') return <FieldWork user={session.user} />;
  if (session.status === 'loading' || cachedUser === undefined) return <Center h="60vh"><Loader aria-label={t('common.loading')} /></Center>;
  // No network at start: carry on as the user last signed in on this tablet; the server still checks the session when sending.
  const offline = session.error instanceof ApiError && session.error.status === 0;
  if (offline && cachedUser) return <FieldWork user={cachedUser} />;
  return <LoginPage ended={session.ended} error={session.error} />;
}
