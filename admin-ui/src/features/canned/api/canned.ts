import { api, type Page } from '../../../lib/api';

export interface CannedResponse {
  id: string;
  trigger: string;
  response: string;
  matchType: 'exact' | 'partial' | 'keyword';
  active: boolean;
  updatedAt: string;
}

/** Enough to choose from while typing; typing more narrows it. */
const SIZE = 20;

/** `query`: text in the trigger or the response (the server looks in both). */
export function findCanned(query: string): Promise<Page<CannedResponse>> {
  const params = new URLSearchParams({ page: '0', size: String(SIZE) });
  if (query.trim()) {
    params.set('q', query.trim());
  }
  return api<Page<CannedResponse>>('GET', `/api/canned-responses?${params}`);
}
