import type { ReactElement } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
import { AssistantPage } from '../features/assistant/components/AssistantPage';
import { FleetPage } from '../features/assistant/components/FleetPage';
import { isAdmin, useSession } from '../lib/session';
import { text } from '../lib/text';

/** One of the admin's pages: where it lives under #/admin/, the name it has in the list, what it shows. */
export interface AdminPage {
  path: string;
  title: string;
  element: ReactElement;
}

/**
 * The admin's pages, in the order the list shows them. Each page is a feature of its own (features/<component>/) and
 * is listed here once: the router and the list both read it.
 */
export const ADMIN_PAGES: AdminPage[] = [
  { path: 'fleet', title: text.assistant.fleet.title, element: <FleetPage /> },
  { path: 'assistant', title: text.assistant.settings.title, element: <AssistantPage /> },
];

/** Where an admin runs the desk: the list of pages beside the one open. Anyone else is sent back to the inbox. */
export function AdminArea() {
  const { signedIn } = useSession();
  if (!signedIn || !isAdmin(signedIn.user)) {
    return <Navigate to="/inbox/mine" replace />;
  }
  return (
    <div className="admin-area">
      <nav className="admin-pages" aria-label={text.admin.pages}>
        <ul>
          {ADMIN_PAGES.map((page) => (
            <li key={page.path}>
              <NavLink to={`/admin/${page.path}`}>{page.title}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
