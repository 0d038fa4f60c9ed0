import type { ReactElement } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
import { AssistantPage } from '../features/assistant/components/AssistantPage';
import { FleetPage } from '../features/assistant/components/FleetPage';
import { QualityPage } from '../features/assistant/components/QualityPage';
import { CannedResponsesPage } from '../features/canned/components/CannedResponsesPage';
import { AuditLogPage } from '../features/identity/components/AuditLogPage';
import { UsersPage } from '../features/identity/components/UsersPage';
import { ExportsPage } from '../features/inbox/components/ExportsPage';
import { SystemPage } from '../features/platform/components/SystemPage';
import { RoutingHoursPage } from '../features/settings/components/RoutingHoursPage';
import { WidgetPage } from '../features/settings/components/WidgetPage';
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
  { path: 'canned-responses', title: text.cannedResponses.title, element: <CannedResponsesPage /> },
  { path: 'users', title: text.people.users.title, element: <UsersPage /> },
  { path: 'routing', title: text.routing.title, element: <RoutingHoursPage /> },
  { path: 'widget', title: text.widget.title, element: <WidgetPage /> },
  { path: 'quality', title: text.quality.title, element: <QualityPage /> },
  { path: 'audit', title: text.people.audit.title, element: <AuditLogPage /> },
  { path: 'exports', title: text.exports.title, element: <ExportsPage /> },
  { path: 'system', title: text.people.system.title, element: <SystemPage /> },
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
