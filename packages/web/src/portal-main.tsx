/**
 * The citizens' entry (portal.html): the portal under /portal and the survey links (/s/TOKEN),
 * without the staff app. A citizen's phone loads only this, Mantine's styles for the components
 * these pages use (portal-styles.ts) and the strings they show; the build checks the styles
 * (vite.config.ts) and `npm run bench -- portal.first-load` measures the whole.
 */
import './portal-styles';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { startI18n } from './i18n';
import { resources } from './i18n/citizen';
import PortalApp from './pages/portal/PortalApp';
import { useRoute } from './router';
import { theme } from './theme';

// A survey link (/s/TOKEN) is answered by citizens without signing in.
const PublicSurveyPage = lazy(() => import('./pages/survey/PublicSurveyPage'));

function CitizenPages() {
  const { t } = useTranslation();
  const { path } = useRoute();
  if (path.startsWith('/s/')) {
    return (
      <Suspense
        fallback={
          <Center h="60vh">
            <Loader aria-label={t('common.loading')} />
          </Center>
        }
      >
        <PublicSurveyPage />
      </Suspense>
    );
  }
  return <PortalApp />;
}

startI18n(resources);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <CitizenPages />
    </MantineProvider>
  </StrictMode>,
);
