import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
import { PresenceControl } from '../features/presence/components/PresenceControl';
import { AccountMenu } from '../features/auth/components/AccountMenu';
import { useLiveVisitors } from '../features/visitors/hooks/liveVisitors';
import { agentSocket } from '../lib/agentSocket';
import { useSession } from '../lib/session';
import { text } from '../lib/text';

/** Events that change what the inbox's lists show: each refetches them (the server filters and pages). */
const LIST_EVENTS = ['session_update', 'session_assigned', 'agent_request', 'session_ended', 'session_hidden', 'new_message'] as const;

/** The frame of every page once signed in: the header (presence, account), the connection's state, the page. */
export function Shell() {
  const { signedIn } = useSession();
  const queryClient = useQueryClient();
  const liveVisitors = useLiveVisitors();
  const connection = useSyncExternalStore(
    (listener) => agentSocket.onConnection(listener),
    () => agentSocket.connection(),
  );

  useEffect(() => {
    if (!signedIn || signedIn.user.mustChangePassword) {
      return;
    }
    agentSocket.start(signedIn.token);
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refreshLists = () => {
      pending ??= setTimeout(() => {
        pending = null;
        void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      }, 250);
    };
    const unsubscribe = [
      ...LIST_EVENTS.map((type) => agentSocket.on(type, refreshLists)),
      agentSocket.onResume(() => void queryClient.invalidateQueries()),
    ];
    return () => {
      unsubscribe.forEach((stop) => stop());
      if (pending) {
        clearTimeout(pending);
      }
    };
  }, [signedIn, queryClient]);

  useEffect(() => () => agentSocket.stop(), []);

  if (!signedIn) {
    return <Navigate to="/sign-in" replace />;
  }
  if (signedIn.user.mustChangePassword) {
    return <Navigate to="/password" replace />;
  }
  return (
    <div className="shell">
      <header className="header">
        <span className="brand">{text.brand}</span>
        <nav aria-label={text.nav.label}>
          <NavLink to="/inbox">{text.nav.inbox}</NavLink>
          <NavLink to="/visitors">{text.nav.visitors(liveVisitors.length)}</NavLink>
        </nav>
        <div className="header-end">
          <PresenceControl userId={signedIn.user.id} />
          <AccountMenu user={signedIn.user} />
        </div>
      </header>
      {connection !== 'open' && (
        <p className="connection" role="status">
          {connection === 'connecting' ? text.connection.connecting : text.connection.reconnecting}
        </p>
      )}
      <Outlet />
    </div>
  );
}
