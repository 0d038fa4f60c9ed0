import { HeaderMenu } from '../../../lib/HeaderMenu';
import { text } from '../../../lib/text';
import { ago, at } from '../../../lib/time';
import type { Preferences } from '../../preferences/hooks/usePreferences';
import { useNotifications } from '../hooks/useNotifications';
import { QueryStatus } from '../../../lib/QueryStatus';

/** The bell: how many notifications are unread, and the list, newest first; choosing one opens its conversation. */
export function NotificationBell({ userId, preferences }: { userId: string; preferences: Preferences }) {
  const { list, items, unread, open } = useNotifications(userId, preferences);
  return (
    <HeaderMenu
      className="bell"
      label={text.notifications.button(unread)}
      button={
        <>
          <BellIcon />
          {unread > 0 && <span className="badge">{unread}</span>}
        </>
      }
    >
      {(close) => (
        <>
          <h2 className="menu-title">{text.notifications.label}</h2>
          <QueryStatus query={list} failed={text.notifications.failed} loading={text.notifications.loading} />
          {list.isSuccess && items.length === 0 && <p className="muted">{text.notifications.empty}</p>}
          {items.length > 0 && (
            <ul className="notifications" aria-label={text.notifications.label}>
              {items.map((notice) => (
                <li key={notice.id}>
                  <button
                    type="button"
                    className={notice.read ? 'notification' : 'notification unread'}
                    onClick={() => {
                      open(notice);
                      close();
                    }}
                  >
                    <span className="kind">
                      {!notice.read && <span className="sr-only">{text.notifications.unread}: </span>}
                      {text.notifications.kind[notice.kind]}
                    </span>
                    <span>{notice.text} {notice.count > 1 && text.notifications.times(notice.count)}</span>
                    <time dateTime={notice.createdAt} title={at(notice.createdAt)}>{ago(notice.createdAt)}</time>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </HeaderMenu>
  );
}

/** Lucide's "bell", drawn here: one icon does not justify a library in the bundle. */
function BellIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
