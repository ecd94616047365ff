/**
 * Short-lived notices ("User created") shown in a corner. @mantine/notifications is not a
 * dependency, so this is the small part of it we need, built on Mantine's Notification.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Notification, Portal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Notice {
  message: string;
  color?: 'green' | 'red' | 'blue';
  title?: string;
}

interface ShownNotice extends Notice {
  id: number;
}

const NOTICE_MS = 5000;

const NoticeContext = createContext<(notice: Notice) => void>(() => undefined);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((shown) => shown.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (notice: Notice) => {
      const id = nextId.current++;
      setNotices((shown) => [...shown, { ...notice, id }]);
      window.setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );

  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <Portal>
        <Stack pos="fixed" bottom={16} right={16} w={360} maw="calc(100vw - 32px)" gap="xs" style={{ zIndex: 1000 }} role="status" aria-live="polite">
          {notices.map((notice) => (
            <Notification key={notice.id} color={notice.color ?? 'green'} title={notice.title} onClose={() => dismiss(notice.id)} closeButtonProps={{ 'aria-label': t('common.close') }}>
              {notice.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NoticeContext.Provider>
  );
}

export function useNotify(): (notice: Notice) => void {
  return useContext(NoticeContext);
}
