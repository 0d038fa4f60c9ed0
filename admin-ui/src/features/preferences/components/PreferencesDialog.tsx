import { useId, useState } from 'react';
import { Dialog } from '../../../lib/Dialog';
import { text } from '../../../lib/text';
import type { Theme } from '../../../lib/theme';
import { usePreferences } from '../hooks/usePreferences';
import { QueryStatus } from '../../../lib/QueryStatus';

const THEMES: Theme[] = ['light', 'dark', 'system'];

type Permission = NotificationPermission | 'unsupported';

function permission(): Permission {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/** The person's theme and alerts; each change is saved at once and follows them to every browser they sign in on. */
export function PreferencesDialog({ userId, onClose }: { userId: string; onClose: () => void }) {
  const { preferences, me, change } = usePreferences(userId);
  const [allowed, setAllowed] = useState(permission);
  const permissionId = useId();

  async function desktop(on: boolean) {
    if (on && allowed === 'default') {
      setAllowed(await Notification.requestPermission());
    }
    change.mutate({ desktopNotifications: on });
  }

  return (
    <Dialog title={text.preferences.title} onClose={onClose}>
      <QueryStatus query={me} failed={text.preferences.loadFailed} />
      {me.isSuccess && (
        <form className="preferences" onSubmit={(event) => event.preventDefault()}>
          <fieldset>
            <legend>{text.preferences.theme}</legend>
            {THEMES.map((theme) => (
              <label key={theme}>
                <input type="radio" name="theme" checked={preferences.theme === theme} onChange={() => change.mutate({ theme })} />
                {text.preferences.themes[theme]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{text.preferences.alerts}</legend>
            <label>
              <input type="checkbox" checked={preferences.sound} onChange={(e) => change.mutate({ sound: e.target.checked })} />
              {text.preferences.sound}
            </label>
            <label>
              <input
                type="checkbox"
                checked={preferences.desktopNotifications}
                disabled={allowed === 'unsupported'}
                aria-describedby={permissionId}
                onChange={(e) => void desktop(e.target.checked)}
              />
              {text.preferences.desktop}
            </label>
            <p id={permissionId} className="hint">{text.preferences.permission[allowed]}</p>
          </fieldset>
          {change.isError && <p className="error" role="alert">{text.preferences.failed(change.error.message)}</p>}
        </form>
      )}
    </Dialog>
  );
}
