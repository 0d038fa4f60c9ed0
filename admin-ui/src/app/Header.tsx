import type { User } from '@parley/protocol';
import { useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { AccountMenu } from '../features/auth/components/AccountMenu';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { usePreferences } from '../features/preferences/hooks/usePreferences';
import { PresenceControl } from '../features/presence/components/PresenceControl';
import { useLiveVisitors } from '../features/visitors/hooks/liveVisitors';
import { ShortcutsDialog } from '../features/shortcuts/components/ShortcutsDialog';
import { KEYS, useShortcuts } from '../features/shortcuts/hooks/useShortcuts';
import { isAdmin } from '../lib/session';
import { text } from '../lib/text';
import { showTheme } from '../lib/theme';

/** The top of every page once signed in: navigation, presence, the bell, the shortcuts, the person; and their theme. */
export function Header({ user }: { user: User }) {
  const { preferences } = usePreferences(user.id);
  const [shortcuts, setShortcuts] = useState(false);
  const liveVisitors = useLiveVisitors();
  useEffect(() => showTheme(preferences.theme), [preferences.theme]);
  useShortcuts({ [KEYS.help]: () => setShortcuts(true) });

  return (
    <header className="header">
      <span className="brand">{text.brand}</span>
      <nav aria-label={text.nav.label}>
        <NavLink to="/inbox">{text.nav.inbox}</NavLink>
        <NavLink to="/visitors">{text.nav.visitors(liveVisitors.length)}</NavLink>
        {isAdmin(user) && <NavLink to="/admin">{text.nav.admin}</NavLink>}
      </nav>
      <div className="header-end">
        <PresenceControl userId={user.id} />
        <NotificationBell userId={user.id} preferences={preferences} />
        <button type="button" className="quiet" aria-label={text.shortcuts.open} aria-keyshortcuts={KEYS.help} onClick={() => setShortcuts(true)}>
          {KEYS.help}
        </button>
        <AccountMenu user={user} />
      </div>
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
    </header>
  );
}
