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

// The citizen portal is public: its own frame, no staff sign-in.
const PortalApp = lazy(() => import('./pages/portal/PortalApp'));
const isPortalPath = (path: string) => path === '/portal' || path.startsWith('/portal/');
// The transparency page is public too: the centre's figures for anyone, without signing in.
const TransparencyPage = lazy(() => import('./pages/TransparencyPage'));

// A survey link (/s/TOKEN) is answered by citizens without signing in.
const PublicSurveyPage = lazy(() => import('./pages/survey/PublicSurveyPage'));
// The field app decides on sign-in itself: offline it carries on as the tablet's last user.
const FieldApp = lazy(() => import('./pages/field/FieldApp'));

export function App() {
  const { session } = useSession();
  const { path } = useRoute();
  if (path.startsWith('/s/') || path === '/field') {
    const Page = path === '/field' ? FieldApp : PublicSurveyPage;
    return (
      <Suspense fallback={<PageLoader />}>
        <Page />
      </Suspense>
    );
  }
  if (isPortalPath(path)) {
    return (
      <Suspense fallback={<PageLoader />}>
        <PortalApp />
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
