import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
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
  { path: 'fleet', title: text.assistant.fleet.title, element: later(() => import('../features/assistant/components/FleetPage').then((m) => m.FleetPage)) },
  { path: 'assistant', title: text.assistant.settings.title, element: later(() => import('../features/assistant/components/AssistantPage').then((m) => m.AssistantPage)) },
  { path: 'canned-responses', title: text.cannedResponses.title, element: later(() => import('../features/canned/components/CannedResponsesPage').then((m) => m.CannedResponsesPage)) },
  { path: 'users', title: text.people.users.title, element: later(() => import('../features/identity/components/UsersPage').then((m) => m.UsersPage)) },
  { path: 'routing', title: text.routing.title, element: later(() => import('../features/settings/components/RoutingHoursPage').then((m) => m.RoutingHoursPage)) },
  { path: 'widget', title: text.widget.title, element: later(() => import('../features/settings/components/WidgetPage').then((m) => m.WidgetPage)) },
  { path: 'quality', title: text.quality.title, element: later(() => import('../features/assistant/components/QualityPage').then((m) => m.QualityPage)) },
  { path: 'audit', title: text.people.audit.title, element: later(() => import('../features/identity/components/AuditLogPage').then((m) => m.AuditLogPage)) },
  { path: 'exports', title: text.exports.title, element: later(() => import('../features/inbox/components/ExportsPage').then((m) => m.ExportsPage)) },
  { path: 'system', title: text.people.system.title, element: later(() => import('../features/platform/components/SystemPage').then((m) => m.SystemPage)) },
];

/**
 * A page loaded the first time it is opened: agents never open the admin's pages, so the console's first load does
 * not carry them.
 */
function later(load: () => Promise<ComponentType>): ReactElement {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return <Page />;
}

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
      <Suspense fallback={<p className="page muted" role="status">{text.loading}</p>}>
        <Outlet />
      </Suspense>
    </div>
  );
}
