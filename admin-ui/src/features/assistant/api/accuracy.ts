import { api, withQuery, type Page } from '../../../lib/api';
import { dayRange } from '../../../lib/time';
import type { Provider } from './fleet';

export type ResponseType = 'llm' | 'auto_reply' | 'fallback';

/** An answer of the assistant in the accuracy log, with what the visitor and the desk made of it. */
export interface AccuracyEntry {
  id: string;
  sessionId: string;
  /** The answer's message; none when the assistant gave up without a message. */
  messageId?: string;
  responseType: ResponseType;
  provider?: Provider;
  model?: string;
  latencyMs: number;
  /** 0 to 1, as the model said. */
  confidence?: number;
  /** The visitor's thumbs on the answer. */
  helpful?: boolean;
  humanMark?: 'correct' | 'incorrect';
  humanComment?: string;
  at: string;
  /** The start of the visitor's message it answered, and of the answer. */
  question?: string;
  answer?: string;
  /** The visitor's rating of the whole conversation, 1 to 5. */
  rating?: number;
  ratingComment?: string;
}

/** Narrows the log; days as the date field gives them (`2026-12-05`), in the person's own time zone. */
export interface QualityFilters {
  provider?: Provider;
  responseType?: ResponseType;
  fromDay?: string;
  toDay?: string;
  marked?: 'true' | 'false';
}

export const PAGE_SIZE = 20;

export function findAnswers(filters: QualityFilters, page: number): Promise<Page<AccuracyEntry>> {
  return api<Page<AccuracyEntry>>('GET', withQuery('/api/admin/accuracy', {
    page: String(page),
    size: String(PAGE_SIZE),
    provider: filters.provider,
    responseType: filters.responseType,
    marked: filters.marked,
    ...dayRange(filters.fromDay, filters.toDay),
  }));
}

export function markAnswer(messageId: string, correct: boolean, comment: string): Promise<AccuracyEntry> {
  return api<AccuracyEntry>('PUT', `/api/admin/accuracy/${encodeURIComponent(messageId)}/mark`, {
    correct,
    comment: comment.trim() || null,
  });
}
