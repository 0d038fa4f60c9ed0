import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Navigate, NavLink, useNavigate, useParams } from 'react-router';
import { isAdmin, useSession } from '../../../lib/session';
import { text } from '../../../lib/text';
import { composerId } from '../../conversation/components/Composer';
import { ConversationPane } from '../../conversation/components/ConversationPane';
import { KEYS, useShortcuts } from '../../shortcuts/hooks/useShortcuts';
import { listSessions, PAGE_SIZE, type View } from '../api/sessions';
import { unread, useSeen } from '../hooks/seen';
import { ConversationList } from './ConversationList';

const VIEWS: View[] = ['mine', 'unassigned', 'resolved', 'all'];

/** The inbox: a view's conversations (live), searchable and paged, beside the one open. */
export function InboxPage() {
  const { view = 'mine', sessionId } = useParams();
  const { signedIn } = useSession();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const admin = signedIn !== null && isAdmin(signedIn.user);
  const views = VIEWS.filter((v) => v !== 'all' || admin);
  const current = views.find((v) => v === view);
  const list = useQuery({
    queryKey: ['sessions', current, search, page],
    queryFn: () => listSessions(current!, search, page),
    enabled: current !== undefined,
    placeholderData: keepPreviousData,
  });
  const seenSeq = useSeen();
  const navigate = useNavigate();
  const listed = useRef<HTMLUListElement>(null);

  /**
   * The keys move the focus through the list's links (a screen reader reads each), from the one focused or else the
   * one open; the link focused is the one that opens.
   */
  function links(): HTMLAnchorElement[] {
    return [...(listed.current?.querySelectorAll('a') ?? [])];
  }
  function chosen(): number {
    const all = links();
    const focused = all.indexOf(document.activeElement as HTMLAnchorElement);
    return focused >= 0 ? focused : all.findIndex((link) => link.getAttribute('aria-current') === 'page');
  }
  function move(step: number) {
    const all = links();
    const from = chosen();
    all[from < 0 ? 0 : Math.min(all.length - 1, Math.max(0, from + step))]?.focus();
  }
  useShortcuts({
    [KEYS.next]: () => move(1),
    [KEYS.previous]: () => move(-1),
    [KEYS.openChosen]: () => links()[chosen()]?.click(),
    [KEYS.reply]: () => sessionId && document.getElementById(composerId(sessionId))?.focus(),
    [KEYS.close]: () => {
      if (sessionId) {
        links()[chosen()]?.focus();
        navigate(`/inbox/${view}`);
      }
    },
  });

  if (!current || !signedIn) {
    return <Navigate to="/inbox/mine" replace />;
  }
  const sessions = list.data?.items ?? [];
  const unreadInView = sessions.reduce((sum, s) => sum + unread(seenSeq, s), 0);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <main className="inbox">
      <section className="inbox-list" aria-label={text.inbox.label}>
        <nav className="views" aria-label={text.inbox.views}>
          {views.map((v) => (
            <NavLink key={v} to={`/inbox/${v}`} onClick={() => setPage(0)}>
              {text.inbox.view[v]}
              {v === current && unreadInView > 0 && <span className="badge" aria-label={text.inbox.unread(unreadInView)}>{unreadInView}</span>}
            </NavLink>
          ))}
        </nav>
        <input
          type="search"
          className="search"
          aria-label={text.inbox.search}
          placeholder={text.inbox.search}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(0);
          }}
        />
        {list.isPending && <p className="muted" role="status">{text.loading}</p>}
        {list.isError && <p className="error" role="alert">{text.inbox.failed(list.error.message)}</p>}
        {list.isSuccess && sessions.length === 0 && <p className="muted">{search ? text.inbox.noMatch : text.inbox.empty[current]}</p>}
        {sessions.length > 0 && <ConversationList ref={listed} view={current} sessions={sessions} openId={sessionId} seenSeq={seenSeq} />}
        {pages > 1 && (
          <div className="pager">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{text.inbox.previous}</button>
            <span>{text.inbox.page(page + 1, pages)}</span>
            <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{text.inbox.next}</button>
          </div>
        )}
      </section>
      {sessionId ? (
        <ConversationPane key={sessionId} sessionId={sessionId} me={signedIn.user} />
      ) : (
        <section className="conversation empty-pane">
          <p className="muted">{text.conversation.none}</p>
        </section>
      )}
    </main>
  );
}
