import type { Notification as Notice } from '@parley/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useMatch, useNavigate } from 'react-router';
import { agentSocket } from '../../../lib/agentSocket';
import type { Page } from '../../../lib/api';
import { text } from '../../../lib/text';
import type { Preferences } from '../../preferences/hooks/usePreferences';
import { listNotifications, markRead, SHOWN, unreadCount } from '../api/notifications';
import { chime } from './chime';

/** What a person wants to hear at once: someone to talk to. Tickets wait in the list. */
const URGENT: Notice['kind'][] = ['assigned', 'agent_request'];

/** A new notification goes to the top; one pushed again (coalesced: the same id, newer) moves there. */
function atTop(page: Page<Notice>, notice: Notice): Page<Notice> {
  return { ...page, items: [notice, ...page.items.filter((item) => item.id !== notice.id)].slice(0, SHOWN) };
}

/**
 * The person's notifications, live, and opening one (it is marked read and its conversation opens). A new one rings
 * (if they want the sound) and, while the tab is hidden, shows a browser notification (if they want those and the
 * browser allows them) — except about the conversation they have in front of them.
 */
export function useNotifications(userId: string, preferences: Preferences) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const key = ['notifications', userId];
  const list = useQuery({ queryKey: key, queryFn: listNotifications });
  const unread = useQuery({ queryKey: [...key, 'unread'], queryFn: unreadCount });
  const read = useMutation({
    mutationFn: markRead,
    onSuccess: (saved) => {
      queryClient.setQueryData<Page<Notice>>(key, (page) => page && { ...page, items: page.items.map((item) => (item.id === saved.id ? saved : item)) });
      void queryClient.invalidateQueries({ queryKey: [...key, 'unread'] });
    },
  });
  const openSessionId = useMatch('/inbox/:view/:sessionId')?.params.sessionId;

  function open(notice: Notice) {
    if (!notice.read) {
      read.mutate(notice.id);
    }
    if (notice.sessionId) {
      navigate(`/inbox/${notice.kind === 'assigned' ? 'mine' : 'unassigned'}/${notice.sessionId}`);
    }
  }

  // the socket's handlers outlive a render: they read the latest of these
  const latest = useRef({ preferences, openSessionId, open });
  latest.current = { preferences, openSessionId, open };

  useEffect(() => {
    const key = ['notifications', userId];
    const announce = (notice: Notice) => {
      const { preferences, openSessionId, open } = latest.current;
      if (notice.sessionId === openSessionId && !document.hidden) {
        return;
      }
      if (preferences.sound && URGENT.includes(notice.kind)) {
        chime();
      }
      if (document.hidden && preferences.desktopNotifications && 'Notification' in window && Notification.permission === 'granted') {
        const shown = new Notification(text.notifications.kind[notice.kind], { body: notice.text, tag: notice.id });
        shown.onclick = () => {
          window.focus();
          open(notice);
          shown.close();
        };
      }
    };
    return agentSocket.on('new_notification', ({ notification }) => {
      queryClient.setQueryData<Page<Notice>>(key, (page) => page && atTop(page, notification));
      // a coalesced one may have been unread already: the server counts
      void queryClient.invalidateQueries({ queryKey: [...key, 'unread'] });
      announce(notification);
    });
  }, [userId, queryClient]);

  return { list, items: list.data?.items ?? [], unread: unread.data?.count ?? 0, open };
}
