/** The citizen portal: public pages under /portal, outside the staff sign-in. */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Center, Loader } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PortalFrame } from '../../components/PortalFrame';
import { matchPath, useRoute } from '../../router';

const PAGES: { path: string; titleKey: 'portal.home.title' | 'portal.new.title' | 'portal.track.title' | 'portal.mine.title' | 'portal.request.title'; component: LazyExoticComponent<ComponentType> }[] = [
  { path: '/portal', titleKey: 'portal.home.title', component: lazy(() => import('./PortalHomePage')) },
  { path: '/portal/new', titleKey: 'portal.new.title', component: lazy(() => import('./PortalNewRequestPage')) },
  { path: '/portal/track', titleKey: 'portal.track.title', component: lazy(() => import('./PortalTrackPage')) },
  { path: '/portal/requests', titleKey: 'portal.mine.title', component: lazy(() => import('./PortalMyRequestsPage')) },
  { path: '/portal/requests/:trackingNo', titleKey: 'portal.request.title', component: lazy(() => import('./PortalRequestPage')) },
];

export default function PortalApp() {
  const { t } = useTranslation();
  const { path } = useRoute();
  const page = PAGES.find((p) => matchPath(p.path, path) !== null) ?? PAGES[0]!;
  useDocumentTitle(`${t(page.titleKey)} · ${t('portal.title')}`);
  const Page = page.component;
  return (
    <PortalFrame>
      <Suspense
        fallback={
          <Center h="40vh">
            <Loader aria-label={t('common.loading')} />
          </Center>
        }
      >
        <Page />
      </Suspense>
    </PortalFrame>
  );
}
