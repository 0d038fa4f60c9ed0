import type { Session } from '@parley/protocol';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { NavLink } from 'react-router';
import { ago, useNow } from '../../../lib/time';
import { text } from '../../../lib/text';
import type { View } from '../api/sessions';
import { unread } from '../hooks/seen';

/** What the inbox's keys do to the list: move the focus through it, open the one focused. */
export interface ListKeys {
  move(step: number): void;
  openChosen(): void;
  /** Puts the focus back on the conversation open (after closing it). */
  focusOpen(): void;
}

interface Props {
  view: View;
  sessions: Session[];
  /** How many the server has for the view and its filters: more pages load as the reader nears the end. */
  total: number;
  loadMore: () => void;
  loadingMore: boolean;
  openId?: string;
  seenSeq: Record<string, number>;
  /** How long a visitor's countdown for a person runs, once known. */
  countdownSeconds?: number;
  /** Shown while the rows of a new search or filter load in place of these. */
  stale: boolean;
  ref?: Ref<ListKeys>;
}

/** A row's height before it is measured; rows are measured as they are shown. */
const ROW = 62;

/**
 * The conversations of a view, in the server's order (the queue: the visitor who has waited longest first). Only the
 * rows in sight are in the page (a list of thousands stays smooth); each says its place in the whole list to a screen
 * reader, and the next page loads as the reader nears the end.
 */
export function ConversationList({ view, sessions, total, loadMore, loadingMore, openId, seenSeq, countdownSeconds, stale, ref }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
    getItemKey: (index) => sessions[index].id,
  });
  const shown = rows.getVirtualItems();
  const lastShown = shown.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastShown >= sessions.length - 10 && sessions.length < total && !loadingMore) {
      loadMore();
    }
  }, [lastShown, sessions.length, total, loadingMore, loadMore]);

  useImperativeHandle(ref, () => {
    const focused = () => Number((document.activeElement?.closest('[data-index]') as HTMLElement | null)?.dataset.index ?? -1);
    const chosen = () => (focused() >= 0 ? focused() : sessions.findIndex((s) => s.id === openId));
    /** The row may not be in the page yet: it is scrolled to, then focused once drawn. */
    const focusRow = (index: number, tries = 10) => {
      const link = scroller.current?.querySelector<HTMLAnchorElement>(`[data-index="${index}"] a`);
      if (link) {
        link.focus();
      } else if (tries > 0) {
        requestAnimationFrame(() => focusRow(index, tries - 1));
      }
    };
    return {
      move(step) {
        if (sessions.length === 0) {
          return;
        }
        const from = chosen();
        const to = from < 0 ? 0 : Math.min(sessions.length - 1, Math.max(0, from + step));
        rows.scrollToIndex(to);
        focusRow(to);
      },
      openChosen() {
        scroller.current?.querySelector<HTMLAnchorElement>(`[data-index="${chosen()}"] a`)?.click();
      },
      focusOpen() {
        const open = sessions.findIndex((s) => s.id === openId);
        if (open >= 0) {
          rows.scrollToIndex(open);
          focusRow(open);
        }
      },
    };
  }, [sessions, openId, rows]);

  return (
    <div ref={scroller} className={stale ? 'conversations-scroller stale' : 'conversations-scroller'} aria-busy={stale}>
      <ul className="conversations" aria-label={text.inbox.list} style={{ height: rows.getTotalSize() }}>
        {shown.map((row) => {
          const session = sessions[row.index];
          const unreadCount = unread(seenSeq, session);
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={rows.measureElement}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <NavLink to={`/inbox/${view}/${session.id}`} aria-current={session.id === openId ? 'page' : undefined}>
                <span className="who">{visitorName(session)}</span>
                <span className="status-text">{text.status[session.status]}</span>
                <span className="when">
                  {session.waitingSince ? (
                    <Waiting since={session.waitingSince} countdownSeconds={countdownSeconds} />
                  ) : (
                    ago(session.lastActivityAt)
                  )}
                </span>
                {unreadCount > 0 && <span className="badge" aria-label={text.inbox.unread(unreadCount)}>{unreadCount}</span>}
              </NavLink>
            </li>
          );
        })}
      </ul>
      {loadingMore && <p className="muted" role="status">{text.inbox.loadingMore}</p>}
    </div>
  );
}

/** How long the visitor has waited for a person, and what is left of the countdown they see, to the second. */
function Waiting({ since, countdownSeconds }: { since: string; countdownSeconds?: number }) {
  const now = useNow(1000);
  const waited = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const left = countdownSeconds === undefined ? undefined : Math.max(0, countdownSeconds - waited);
  return <>{left === undefined ? text.inbox.waited(clock(waited)) : text.inbox.waitedWithCountdown(clock(waited), clock(left))}</>;
}

/** 95 seconds as "1:35". */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function visitorName(session: Session): string {
  return session.visitor?.name || session.visitor?.email || text.conversation.anonymous(session.id.slice(0, 6));
}
