import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { Navigate, Outlet } from 'react-router';
import { followInbox } from '../features/inbox/hooks/liveInbox';
import { agentSocket } from '../lib/agentSocket';
import { useSession } from '../lib/session';
import { text } from '../lib/text';
import { Header } from './Header';

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
    const stopFollowing = followInbox(queryClient);
    const stopResuming = agentSocket.onResume(() => void queryClient.invalidateQueries());
    return () => {
      stopFollowing();
      stopResuming();
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
