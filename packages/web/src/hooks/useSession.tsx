/**
 * Who is signed in. Asks the server once at start (`GET /auth/me`), and drops back to the
 * login page whenever any request hears that the session has ended.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as auth from '../api/auth';
import { ApiError, onUnauthenticated } from '../api/client';
import type { User } from '../api/users';

export type Session =
  | { status: 'loading' }
  | { status: 'anonymous'; ended: boolean; error: Error | null }
  | { status: 'signed-in'; user: User };

interface SessionApi {
  session: Session;
  login: (username: string, password: string, totpCode?: string, working?: (busy: boolean) => void) => Promise<User>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

const anonymous = (ended = false, error: Error | null = null): Session => ({ status: 'anonymous', ended, error });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    auth.me().then(
      (user) => {
        if (current) setSession({ status: 'signed-in', user });
      },
      (error: unknown) => {
        // 401 simply means "not signed in"; anything else (server down) is worth showing.
        const shown = error instanceof ApiError && error.status === 401 ? null : (error as Error);
        if (current) setSession(anonymous(false, shown));
      },
    );
    const stop = onUnauthenticated(() => setSession((s) => (s.status === 'signed-in' ? anonymous(true) : s)));
    return () => {
      current = false;
      stop();
    };
  }, []);

  const login = useCallback(async (username: string, password: string, totpCode?: string, working?: (busy: boolean) => void) => {
    const user = await auth.login(username, password, totpCode, working);
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      setSession(anonymous());
    }
  }, []);

  const value = useMemo(() => ({ session, login, logout }), [session, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user, for components that only render inside the app shell. */
export function useUser(): User {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useUser needs a signed-in session');
  return session.user;
}
