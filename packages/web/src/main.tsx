import '@mantine/core/styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { App } from './App';
import { NoticeProvider } from './hooks/useNotices';
import { SessionProvider } from './hooks/useSession';
import { theme } from './theme';

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
