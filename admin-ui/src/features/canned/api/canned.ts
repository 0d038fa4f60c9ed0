import { api, download, withQuery, type Page } from '../../../lib/api';

export type MatchType = 'exact' | 'partial' | 'keyword';

export const MATCH_TYPES: MatchType[] = ['exact', 'partial', 'keyword'];

export interface CannedResponse {
  id: string;
  trigger: string;
  response: string;
  matchType: MatchType;
  category: string | null;
  /** What an agent types after `/`, without it, in lower case. */
  shortcut: string | null;
  active: boolean;
  updatedAt: string;
}

/** What a person writes to add or change one. */
export type CannedContent = Pick<CannedResponse, 'trigger' | 'response' | 'matchType' | 'category' | 'shortcut' | 'active'>;

/** Enough to choose from while typing; typing more narrows it. */
const SIZE = 20;

/** The composer's `/` list: `query` is text in the trigger, the response or the shortcut (the server looks in all three). */
export function findCanned(query: string): Promise<Page<CannedResponse>> {
  return listCanned({ q: query, active: 'true' }, 0, SIZE);
}

export interface CannedFilter {
  q: string;
  category?: string;
  /** '' for either. */
  active?: '' | 'true' | 'false';
}

export function listCanned(filter: CannedFilter, page: number, size: number): Promise<Page<CannedResponse>> {
  return api<Page<CannedResponse>>('GET', withQuery('/api/canned-responses', {
    page: String(page),
    size: String(size),
    q: filter.q.trim(),
    category: filter.category,
    active: filter.active,
  }));
}

export const cannedCategories = () => api<string[]>('GET', '/api/canned-responses/categories');

export const addCanned = (content: CannedContent) => api<CannedResponse>('POST', '/api/canned-responses', content);

export const changeCanned = (id: string, content: CannedContent) => api<CannedResponse>('PUT', `/api/canned-responses/${id}`, contentOf(content));

/** Only what a person writes: a response read from the list carries its id and time too. */
export const contentOf = ({ trigger, response, matchType, category, shortcut, active }: CannedContent): CannedContent => ({
  trigger,
  response,
  matchType,
  category,
  shortcut,
  active,
});

export const removeCanned = (id: string) => api<void>('DELETE', `/api/canned-responses/${id}`);

export const cannedTemplate = () => download('/api/canned-responses/template');

export const exportCanned = () => download('/api/canned-responses/export');

export type ImportAction = 'create' | 'update' | 'unchanged' | 'refused';

/** A row of the workbook as it was written, and what importing it would do. */
export interface PreviewRow {
  row: number;
  action: ImportAction;
  trigger: string;
  response: string;
  matchType: string;
  category: string;
  shortcut: string;
  active: string;
  changes: string[];
  reasons: string[];
}

export interface ImportPreview {
  /** Names the file: the import must send the same one. */
  digest: string;
  create: number;
  update: number;
  unchanged: number;
  refused: number;
  rows: PreviewRow[];
}

export const previewImport = (workbook: File) => api<ImportPreview>('POST', '/api/canned-responses/import/preview', workbook);

export const commitImport = (workbook: File, digest: string) =>
  api<{ created: number; updated: number; unchanged: number }>(
    'POST',
    `/api/canned-responses/import?digest=${encodeURIComponent(digest)}`,
    workbook,
  );
