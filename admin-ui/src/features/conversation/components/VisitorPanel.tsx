import type { Session } from '@parley/protocol';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { at } from '../../../lib/time';
import { text } from '../../../lib/text';
import { visitorHistory } from '../api/history';
import { QueryStatus } from '../../../lib/QueryStatus';

/** Who the visitor is, as the widget told Parley, how they rated the conversation, and what the desk knows of them. */
export function VisitorPanel({ session }: { session: Session }) {
  const visitor = session.visitor ?? {};
  const rows: [string, string | undefined][] = [
    [text.visitor.name, visitor.name],
    [text.visitor.email, visitor.email],
    [text.visitor.page, visitor.page],
    [text.visitor.referrer, visitor.referrer],
    [text.visitor.locale, visitor.locale],
    [text.visitor.browser, visitor.userAgent],
    [text.visitor.started, at(session.createdAt)],
    [text.visitor.rating, session.rating ? text.visitor.stars(session.rating.score, session.rating.comment) : undefined],
  ];
  return (
    <section className="visitor" aria-label={text.visitor.label} tabIndex={0}>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || text.visitor.unknown}</dd>
          </div>
        ))}
      </dl>
      <History sessionId={session.id} />
    </section>
  );
}

/** The visitor's earlier conversations (each a link) and the tickets they left. */
function History({ sessionId }: { sessionId: string }) {
  const { view = 'mine' } = useParams();
  const history = useQuery({ queryKey: ['history', sessionId], queryFn: () => visitorHistory(sessionId) });
  if (!history.isSuccess) {
    return <QueryStatus query={history} failed={text.visitor.historyFailed} />;
  }
  const { earlier, tickets } = history.data;
  return (
    <>
      <HistorySection title={text.visitor.earlier} none={text.visitor.noEarlier}>
        {earlier.map((other) => (
          <li key={other.id}>
            <Link to={`/inbox/${view}/${other.id}`}>{at(other.createdAt)}</Link> · {text.status[other.status]}
          </li>
        ))}
      </HistorySection>
      <HistorySection title={text.visitor.tickets} none={text.visitor.noTickets}>
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <p>{ticket.message}</p>
            <span className="muted">{at(ticket.createdAt)}</span>
          </li>
        ))}
      </HistorySection>
    </>
  );
}

/** A titled list of the visitor's history, or what says there is none. */
function HistorySection({ title, none, children }: { title: string; none: string; children: ReactNode[] }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {children.length === 0 ? <p className="muted">{none}</p> : <ul className="history">{children}</ul>}
    </section>
  );
}
