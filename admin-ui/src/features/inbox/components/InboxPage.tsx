import type { Session } from '@parley/protocol';
import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Navigate, NavLink, useNavigate, useParams } from 'react-router';
import { isAdmin, useSession } from '../../../lib/session';
import { text } from '../../../lib/text';
import { composerId } from '../../conversation/components/Composer';
import { ConversationPane } from '../../conversation/components/ConversationPane';
import { KEYS, useShortcuts } from '../../shortcuts/hooks/useShortcuts';
import { deskRules, listSessions, type Filters, type View } from '../api/sessions';
import { unread, useSeen } from '../hooks/seen';
import { ConversationList, type ListKeys } from './ConversationList';
import { InboxFilters } from './InboxFilters';
import { QueryStatus } from '../../../lib/QueryStatus';

const VIEWS: View[] = ['mine', 'unassigned', 'resolved', 'all'];

/** The inbox: a view's conversations (live), searchable, filtered, loaded a page at a time, beside the one open. */
export function InboxPage() {
  const { view = 'mine', sessionId } = useParams();
  const { signedIn } = useSession();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const admin = signedIn !== null && isAdmin(signedIn.user);
  const views = VIEWS.filter((v) => v !== 'all' || admin);
  const current = views.find((v) => v === view);
  const list = useInfiniteQuery({
    queryKey: ['sessions', current, search, filters],
    queryFn: ({ pageParam }) => listSessions(current!, search, filters, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last) => ((last.page + 1) * last.size < last.total ? last.page + 1 : undefined),
    enabled: current !== undefined,
    placeholderData: keepPreviousData,
  });
  const rules = useQuery({ queryKey: ['desk-rules'], queryFn: deskRules, staleTime: Infinity });
  // each view's unread, from its newest page (kept live with the lists); the view open counts all it has loaded
  const tabs = useQueries({
    // the open view counts what its list has loaded: its tab asks nothing of its own
    queries: views.map((v) => ({ queryKey: ['sessions', v, 'tab'], queryFn: () => listSessions(v, '', {}, 0), enabled: v !== current })),
  });
  const seenSeq = useSeen();
  const navigate = useNavigate();
  const keys = useRef<ListKeys>(null);
  const { fetchNextPage, isFetchingNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  useShortcuts({
    [KEYS.next]: () => keys.current?.move(1),
    [KEYS.previous]: () => keys.current?.move(-1),
    [KEYS.openChosen]: () => keys.current?.openChosen(),
    [KEYS.reply]: () => sessionId && document.getElementById(composerId(sessionId))?.focus(),
    [KEYS.close]: () => {
      if (sessionId) {
        keys.current?.focusOpen();
        navigate(`/inbox/${view}`);
      }
    },
  });

  if (!current || !signedIn) {
    return <Navigate to="/inbox/mine" replace />;
  }
  // a conversation that moved up to the top while pages loaded can come twice: it is shown once
  const sessions = uniqueById(list.data?.pages.flatMap((page) => page.items) ?? []);
  const total = list.data?.pages.at(-1)?.total ?? 0;
  const unreadIn = (v: View, index: number) =>
    (v === current ? sessions : (tabs[index].data?.items ?? [])).reduce((sum, s) => sum + unread(seenSeq, s), 0);
  const narrowed = search.trim() !== '' || Object.values(filters).some(Boolean);

  return (
    <main className="inbox">
      <h1 className="sr-only">{text.inbox.heading(text.inbox.view[current])}</h1>
      <section className="inbox-list" aria-label={text.inbox.label}>
        <nav className="views" aria-label={text.inbox.views}>
          {views.map((v, index) => {
            const count = unreadIn(v, index);
            // the view keeps its name ("Mine"); the count is its description
            return (
              <NavLink key={v} to={`/inbox/${v}`} aria-describedby={count > 0 ? `unread-${v}` : undefined}>
                {text.inbox.view[v]}
                {count > 0 && (
                  <>
                    <span className="badge" aria-hidden="true">{count}</span>
                    <span id={`unread-${v}`} hidden>{text.inbox.unread(count)}</span>
                  </>
                )}
              </NavLink>
            );
          })}
        </nav>
        <input
          type="search"
          className="search"
          aria-label={text.inbox.search}
          placeholder={text.inbox.search}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <InboxFilters filters={filters} onChange={setFilters} byAgent={admin && (current === 'all' || current === 'resolved')} />
        <QueryStatus query={list} failed={text.inbox.failed} />
        {list.isSuccess && sessions.length === 0 && <p className="muted">{narrowed ? text.inbox.noMatch : text.inbox.empty[current]}</p>}
        {sessions.length > 0 && (
          <ConversationList
            ref={keys}
            stale={list.isPlaceholderData}
            view={current}
            sessions={sessions}
            total={total}
            loadMore={loadMore}
            loadingMore={isFetchingNextPage}
            openId={sessionId}
            seenSeq={seenSeq}
            countdownSeconds={rules.data?.countdownSeconds}
          />
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

function uniqueById(sessions: Session[]): Session[] {
  const seen = new Set<string>();
  return sessions.filter((session) => !seen.has(session.id) && seen.add(session.id));
}
