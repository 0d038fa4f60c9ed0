import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { Navigate, Outlet } from 'react-router';
import { agentSocket } from '../lib/agentSocket';
import { useSession } from '../lib/session';
import { text } from '../lib/text';
import { Header } from './Header';

/** Events that change what the inbox's lists show: each refetches them (the server filters and pages). */
const LIST_EVENTS = ['session_update', 'session_assigned', 'agent_request', 'session_ended', 'session_hidden', 'new_message'] as const;

/** The frame of every page once signed in: the header, the connection's state, the page. */
export function Shell() {
  const { signedIn } = useSession();
  const queryClient = useQueryClient();
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
      <Header user={signedIn.user} />
      {connection !== 'open' && (
        <p className="connection" role="status">
          {connection === 'connecting' ? text.connection.connecting : text.connection.reconnecting}
        </p>
      )}
      <Outlet />
    </div>
  );
}
