import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { User } from './api/users';
import { AppFrame } from './components/AppFrame';
import { useSession } from './hooks/useSession';
import { mayVisit, pageAt } from './navigation';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { useRoute } from './router';

// The citizens' pages (the portal under /portal, the survey links under /s/) are another entry,
// portal.html with portal-main.tsx, which the server sends for those addresses.

// The transparency page is public: the centre's figures for anyone, without signing in.
const TransparencyPage = lazy(() => import('./pages/TransparencyPage'));
// The field app decides on sign-in itself: offline it carries on as the tablet's last user.
const FieldApp = lazy(() => import('./pages/field/FieldApp'));

export function App() {
  const { session } = useSession();
  const { path } = useRoute();
  if (path === '/field') {
    return (
      <Suspense fallback={<PageLoader />}>
        <FieldApp />
      </Suspense>
    );
  }
  if (path === '/transparency') {
    return (
      <Suspense fallback={<PageLoader />}>
        <TransparencyPage />
      </Suspense>
    );
  }
  if (session.status === 'loading') return <PageLoader />;
  if (session.status === 'anonymous') return <LoginPage ended={session.ended} error={session.error} />;
  return (
    <AppFrame user={session.user}>
      <CurrentPage user={session.user} />
    </AppFrame>
  );
}

function CurrentPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const { path } = useRoute();
  const page = pageAt(path);
  useDocumentTitle(page ? `${t(page.labelKey)} · ${t('app.name')}` : t('app.name'));

  if (!page) return <NotFoundPage path={path} />;
  if (!mayVisit(page, user.role)) return <ForbiddenPage role={user.role} />;
  const Page = page.component;
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
