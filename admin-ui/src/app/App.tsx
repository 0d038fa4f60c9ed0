import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Navigate, RouterProvider, createHashRouter } from 'react-router';
import { ApiError } from '../lib/api';
import { ChangePasswordPage } from '../features/auth/components/ChangePasswordPage';
import { SignInPage } from '../features/auth/components/SignInPage';
import { InboxPage } from '../features/inbox/components/InboxPage';
import { LiveVisitorsPage } from '../features/visitors/components/LiveVisitorsPage';
import { ADMIN_PAGES, AdminArea } from './AdminArea';
import { Shell } from './Shell';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a refusal stays a refusal; only a failure (the network, a 5xx) is worth asking again
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Hash routes: the war serves /admin/ and its files, and nothing under it that is not a file.
const router = createHashRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/password', element: <ChangePasswordPage /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/inbox/mine" replace /> },
      { path: '/inbox/:view', element: <InboxPage /> },
      { path: '/inbox/:view/:sessionId', element: <InboxPage /> },
      { path: '/visitors', element: <LiveVisitorsPage /> },
      {
        path: '/admin',
        element: <AdminArea />,
        children: [
          { index: true, element: <Navigate to={ADMIN_PAGES[0]?.path ?? '/inbox/mine'} replace /> },
          ...ADMIN_PAGES.map(({ path, element }) => ({ path, element })),
        ],
      },
      { path: '*', element: <Navigate to="/inbox/mine" replace /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
