import type { Session } from '@parley/protocol';
import { api, type Page } from '../../../lib/api';

export type View = 'mine' | 'unassigned' | 'resolved' | 'all';

export const PAGE_SIZE = 50;

export function listSessions(view: View, search: string, page: number): Promise<Page<Session>> {
  const query = new URLSearchParams({ view, page: String(page), size: String(PAGE_SIZE) });
  if (search.trim()) {
    query.set('q', search.trim());
  }
  return api<Page<Session>>('GET', `/api/admin/sessions?${query}`);
}

/** Assigning a conversation to oneself takes it. */
export const assign = (sessionId: string, agentId: string) => api<Session>('PUT', `/api/admin/sessions/${sessionId}/assign`, { agentId });

export const release = (sessionId: string) => api<Session>('PUT', `/api/admin/sessions/${sessionId}/release`);

export const resolve = (sessionId: string) => api<Session>('PUT', `/api/admin/sessions/${sessionId}/close`);
