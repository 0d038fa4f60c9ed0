import type { Message, Session } from '@parley/protocol';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { agentSocket } from '../../../lib/agentSocket';
import type { Page } from '../../../lib/api';
import type { View } from '../api/sessions';

/** Events that may change which conversations a view holds: each refetches the lists (the server filters and pages). */
const MOVES = ['session_update', 'session_assigned', 'agent_request', 'session_ended', 'session_hidden'] as const;

type Lists = InfiniteData<Page<Session>>;

/** A change of status, owner or ending shows this soon. */
const MOVED_MS = 250;
/**
 * A message in a conversation the lists do not hold yet brings it in within this: under a stream of such messages (a
 * long list scrolled only partly), refetching every page loaded four times a second would cost more than it shows.
 */
const NEWLY_ACTIVE_MS = 2_000;

/**
 * Keeps the inbox's lists live while signed in. A new message changes one row where it is held (its unread count, its
 * time, and it comes to the top of a list in order of activity) without asking the server again: under a stream of
 * messages the lists stay put. A conversation not held yet, or any other change, refetches the lists.
 */
export function followInbox(queryClient: QueryClient): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  let due = Infinity;
  /** Refetches every page loaded within `afterMs`, or sooner if another change asked for sooner; once for them all. */
  const refetch = (afterMs: number) => {
    if (Date.now() + afterMs >= due) {
      return;
    }
    if (pending) {
      clearTimeout(pending);
    }
    due = Date.now() + afterMs;
    pending = setTimeout(() => {
      pending = null;
      due = Infinity;
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    }, afterMs);
  };
  const stops = [
    ...MOVES.map((type) => agentSocket.on(type, () => refetch(MOVED_MS))),
    agentSocket.on('new_message', ({ message }) => {
      if (!touch(queryClient, message)) {
        refetch(NEWLY_ACTIVE_MS);
      }
    }),
  ];
  return () => {
    stops.forEach((stop) => stop());
    if (pending) {
      clearTimeout(pending);
    }
  };
}

/** Changes the message's conversation in every list that holds it; whether one did. */
function touch(queryClient: QueryClient, message: Message): boolean {
  let held = false;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['sessions'] })) {
    const lists = query.state.data as Lists | Page<Session> | undefined;
    // the views' tabs hold one page each: they are refetched with the lists
    if (!lists || !('pages' in lists)) {
      continue;
    }
    const row = lists.pages.flatMap((page) => page.items).find((session) => session.id === message.sessionId);
    if (!row) {
      continue;
    }
    held = true;
    const touched: Session = { ...row, lastSeq: Math.max(row.lastSeq, message.seq), lastActivityAt: message.createdAt };
    const byActivity = (query.queryKey[1] as View) !== 'unassigned';
    const pages = lists.pages.map((page, index) => {
      const items = page.items.map((session) => (session.id === touched.id ? touched : session));
      if (!byActivity) {
        return { ...page, items };
      }
      const others = items.filter((session) => session.id !== touched.id);
      return { ...page, items: index === 0 ? [touched, ...others] : others };
    });
    queryClient.setQueryData<Lists>(query.queryKey, { ...lists, pages });
  }
  return held;
}
