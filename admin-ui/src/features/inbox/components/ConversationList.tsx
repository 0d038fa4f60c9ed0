import type { Session } from '@parley/protocol';
import { NavLink } from 'react-router';
import { ago } from '../../../lib/time';
import { text } from '../../../lib/text';
import type { View } from '../api/sessions';

interface Props {
  view: View;
  sessions: Session[];
  openId?: string;
  seenSeq: Record<string, number>;
}

/** The conversations of a view; the queue (unassigned) shows the visitor who has waited longest first. */
export function ConversationList({ view, sessions, openId, seenSeq }: Props) {
  const ordered = view === 'unassigned' ? [...sessions].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : sessions;
  return (
    <ul className="conversations" aria-label={text.inbox.list}>
      {ordered.map((session) => {
        const unread = Math.max(0, session.lastSeq - (seenSeq[session.id] ?? 0));
        return (
          <li key={session.id}>
            <NavLink to={`/inbox/${view}/${session.id}`} aria-current={session.id === openId ? 'page' : undefined}>
              <span className="who">{visitorName(session)}</span>
              <span className="status-text">{text.status[session.status]}</span>
              <span className="when">
                {session.status === 'waiting_agent' ? text.inbox.waiting(ago(session.createdAt)) : ago(session.lastActivityAt)}
              </span>
              {unread > 0 && <span className="badge" aria-label={text.inbox.unread(unread)}>{unread}</span>}
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
