import type { LiveVisitor } from '@parley/protocol';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { agentSocket } from '../../../lib/agentSocket';
import { text } from '../../../lib/text';
import { ago } from '../../../lib/time';
import { useLiveVisitors } from '../hooks/liveVisitors';

/** Who is on the sites now (live), and a chat started with one of them: the widget opens with the first message. */
export function LiveVisitorsPage() {
  const visitors = useLiveVisitors();
  return (
    <main className="page">
      <h1>{text.visitors.title}</h1>
      <p className="muted">{text.visitors.hint}</p>
      {visitors.length === 0 ? (
        <p className="muted" role="status">{text.visitors.none}</p>
      ) : (
        <ul className="live-visitors" aria-label={text.visitors.list}>
          {visitors.map((visitor) => (
            <VisitorRow key={visitor.visitorId} visitor={visitor} />
          ))}
        </ul>
      )}
    </main>
  );
}

function VisitorRow({ visitor }: { visitor: LiveVisitor }) {
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    agentSocket
      .request('initiate_chat', { visitorId: visitor.visitorId, text: message.trim() })
      .then(({ session }) => navigate(`/inbox/mine/${session.id}`))
      .catch((failure: Error) => {
        setError(failure.message);
        setSending(false);
      });
  };

  const page = visitor.page ?? text.visitors.unknownPage;
  return (
    <li aria-label={page}>
      <div className="visitor-line">
        <a href={visitor.page} target="_blank" rel="noreferrer">{page}</a>
        <span className="muted">{text.visitors.since(ago(visitor.since))}</span>
        <span className="muted">{visitor.returning ? text.visitors.returning : text.visitors.firstVisit}</span>
        <span className="muted">{visitor.referrer ? text.visitors.from(visitor.referrer) : text.visitors.direct}</span>
        {!writing && (
          <button type="button" onClick={() => setWriting(true)}>
            {text.visitors.start}
          </button>
        )}
      </div>
      {writing && (
        <form className="first-message" onSubmit={start}>
          <label>
            {text.visitors.message}
            <textarea value={message} onChange={(event) => setMessage(event.target.value)} rows={2} maxLength={4000} autoFocus />
          </label>
          <button type="submit" disabled={sending || message.trim() === ''}>{text.visitors.send}</button>
          <button type="button" className="quiet" onClick={() => setWriting(false)}>{text.actions.cancel}</button>
          {error && <p className="error" role="alert">{error}</p>}
        </form>
      )}
    </li>
  );
}
