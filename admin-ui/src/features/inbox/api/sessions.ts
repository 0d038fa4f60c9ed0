import type { Session, SessionStatus } from '@parley/protocol';
import { api, withQuery, type Page } from '../../../lib/api';
import { dayRange } from '../../../lib/time';

export type View = 'mine' | 'unassigned' | 'resolved' | 'all';

/** Narrows a view: a status, whose conversations (an agent's id), started from one day to another (inclusive). */
export interface Filters {
  status?: SessionStatus;
  agentId?: string;
  /** Days as the date field gives them, `2026-12-05`, in the person's own time zone. */
  fromDay?: string;
  toDay?: string;
}

export const PAGE_SIZE = 50;

export function listSessions(view: View, search: string, filters: Filters, page: number): Promise<Page<Session>> {
  return api<Page<Session>>('GET', withQuery('/api/admin/sessions', {
    view,
    page: String(page),
    size: String(PAGE_SIZE),
    ...narrowing(search, filters),
  }));
}

export type ExportFormat = 'csv' | 'json';

/**
 * A link that downloads every conversation the search and filters find, with all its messages, valid for a minute:
 * the browser streams it into its downloads (the server writes it as it reads).
 */
export function exportLink(format: ExportFormat, search: string, filters: Filters): Promise<{ url: string; expiresAt: string }> {
  return api('POST', '/api/admin/sessions/export/link', { format, ...narrowing(search, filters) });
}

/** The server's names for a search and filters; those not set are undefined (left out of a query and of JSON). */
function narrowing(search: string, filters: Filters): Record<string, string | undefined> {
  return {
    q: search.trim() || undefined,
    status: filters.status,
    assignedAgentId: filters.agentId,
    ...dayRange(filters.fromDay, filters.toDay),
  };
}

/** Assigning a conversation to oneself takes it. */
export const assign = (sessionId: string, agentId: string) => api<Session>('PUT', `/api/admin/sessions/${sessionId}/assign`, { agentId });

export const release = (sessionId: string) => api<Session>('PUT', `/api/admin/sessions/${sessionId}/release`);

export const resolve = (sessionId: string) => api<Session>('PUT', `/api/admin/sessions/${sessionId}/close`);

/** How long a visitor's countdown for a person runs. */
export const deskRules = () => api<{ countdownSeconds: number }>('GET', '/api/agents/rules');
