import type { User } from '@parley/protocol';
import { session } from '../../../lib/session';
import { text } from '../../../lib/text';
import { signOutEverywhere } from '../api/auth';

/** The person's name and role, and signing out: of this tab, or everywhere (every token they hold stops working). */
export function AccountMenu({ user }: { user: User }) {
  return (
    <details className="account">
      <summary>{user.name}</summary>
      <div className="menu">
        <p className="muted">{user.email} · {user.roles.map((role) => text.roles[role]).join(', ')}</p>
        <a href="#/password">{text.account.changePassword}</a>
        <button type="button" onClick={() => session.signOut(text.signIn.signedOut)}>{text.account.signOut}</button>
        <button
          type="button"
          onClick={async () => {
            await signOutEverywhere().catch(() => undefined);
            session.signOut(text.signIn.signedOutEverywhere);
          }}
        >
          {text.account.signOutEverywhere}
        </button>
      </div>
    </details>
  );
}
