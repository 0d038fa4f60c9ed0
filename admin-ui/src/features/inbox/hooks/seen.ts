import { useSyncExternalStore } from 'react';

/**
 * How far the person has read each conversation (the last seq shown to them), for the unread counts: kept for this
 * tab in sessionStorage, so a reload does not mark everything unread again.
 */
const KEY = 'parley.console.seen';
let seenSeq: Record<string, number> = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, number>;
const listeners = new Set<() => void>();

export const seen = {
  mark(sessionId: string, seq: number): void {
    if ((seenSeq[sessionId] ?? 0) >= seq) {
      return;
    }
    seenSeq = { ...seenSeq, [sessionId]: seq };
    sessionStorage.setItem(KEY, JSON.stringify(seenSeq));
    listeners.forEach((listener) => listener());
  },
};

/** Messages after the last one shown: all of a conversation never opened. */
export function unread(seenSeq: Record<string, number>, session: { id: string; lastSeq: number }): number {
  return Math.max(0, session.lastSeq - (seenSeq[session.id] ?? 0));
}

export function useSeen(): Record<string, number> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => seenSeq,
  );
}
