import type { LiveVisitor } from '@parley/protocol';
import { useSyncExternalStore } from 'react';
import { agentSocket } from '../../../lib/agentSocket';

/**
 * Who is on the sites now, as the feed tells it: the whole list on every (re)connection (`live_visitors`), then what
 * changed (`live_visitors_changed`). Held from the module's start, as the list comes before the feed's ack.
 */
class LiveVisitorsStore {
  private visitors = new Map<string, LiveVisitor>();
  private list: LiveVisitor[] = [];
  private readonly listeners = new Set<() => void>();

  constructor() {
    agentSocket.on('live_visitors', ({ visitors }) => this.replace(visitors));
    agentSocket.on('live_visitors_changed', ({ joined, changed, left }) => {
      [...joined, ...changed].forEach((visitor) => this.visitors.set(visitor.visitorId, visitor));
      left.forEach((visitorId) => this.visitors.delete(visitorId));
      this.publish();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Longest on the site first. */
  readonly current = (): LiveVisitor[] => this.list;

  private replace(visitors: LiveVisitor[]): void {
    this.visitors = new Map(visitors.map((visitor) => [visitor.visitorId, visitor]));
    this.publish();
  }

  private publish(): void {
    this.list = [...this.visitors.values()].sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
    this.listeners.forEach((listener) => listener());
  }
}

const store = new LiveVisitorsStore();

/** The visitors on the sites now, live. */
export function useLiveVisitors(): LiveVisitor[] {
  return useSyncExternalStore(store.subscribe, store.current);
}
