import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { App } from './App';
import { startI18n } from './i18n';
import { resources } from './i18n/catalogue';
import { NoticeProvider } from './hooks/useNotices';
import { SessionProvider } from './hooks/useSession';
import { theme } from './theme';

startI18n(resources);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <NoticeProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </NoticeProvider>
    </MantineProvider>
  </StrictMode>,
);
