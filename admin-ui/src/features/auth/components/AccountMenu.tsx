import type { User } from '@parley/protocol';
import { useState } from 'react';
import { HeaderMenu } from '../../../lib/HeaderMenu';
import { session } from '../../../lib/session';
import { text } from '../../../lib/text';
import { PreferencesDialog } from '../../preferences/components/PreferencesDialog';
import { signOutEverywhere } from '../api/auth';

/**
 * The person's name and role, their preferences, and signing out: of this tab, or everywhere (every token they hold
 * stops working).
 */
export function AccountMenu({ user }: { user: User }) {
  const [preferences, setPreferences] = useState(false);
  return (
    <>
      <HeaderMenu button={user.name}>
        {(close) => (
          <>
            <p className="muted">{user.email} · {user.roles.map((role) => text.roles[role]).join(', ')}</p>
            <button
              type="button"
              onClick={() => {
                close();
                setPreferences(true);
              }}
            >
              {text.account.preferences}
            </button>
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
          </>
        )}
      </HeaderMenu>
      {preferences && <PreferencesDialog userId={user.id} onClose={() => setPreferences(false)} />}
    </>
  );
}
