import type { Session } from '@parley/protocol';
import type { Ref } from 'react';
import { NavLink } from 'react-router';
import { ago } from '../../../lib/time';
import { text } from '../../../lib/text';
import type { View } from '../api/sessions';
import { unread } from '../hooks/seen';

interface Props {
  view: View;
  sessions: Session[];
  openId?: string;
  seenSeq: Record<string, number>;
  /** For the keys that move through the list. */
  ref?: Ref<HTMLUListElement>;
}

/** The conversations of a view; the queue (unassigned) shows the visitor who has waited longest first. */
export function ConversationList({ view, sessions, openId, seenSeq, ref }: Props) {
  const ordered = view === 'unassigned' ? [...sessions].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)) : sessions;
  return (
    <ul ref={ref} className="conversations" aria-label={text.inbox.list}>
      {ordered.map((session) => {
        const unreadCount = unread(seenSeq, session);
        return (
          <li key={session.id}>
            <NavLink to={`/inbox/${view}/${session.id}`} aria-current={session.id === openId ? 'page' : undefined}>
              <span className="who">{visitorName(session)}</span>
              <span className="status-text">{text.status[session.status]}</span>
              <span className="when">
                {session.status === 'waiting_agent' ? text.inbox.waiting(ago(session.createdAt)) : ago(session.lastActivityAt)}
              </span>
              {unreadCount > 0 && <span className="badge" aria-label={text.inbox.unread(unreadCount)}>{unreadCount}</span>}
            </NavLink>
          </li>
        );
      })}
    </ul>
  );
}

export function visitorName(session: Session): string {
  return session.visitor?.name || session.visitor?.email || text.conversation.anonymous(session.id.slice(0, 6));
}
