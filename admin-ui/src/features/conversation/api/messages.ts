import type { Message, Session } from '@parley/protocol';
import { api } from '../../../lib/api';

export const sessionOf = (sessionId: string) => api<Session>('GET', `/api/admin/sessions/${sessionId}`);

/** The latest {@code limit} messages stored before {@code beforeSeq}, in order. */
export const earlierMessages = (sessionId: string, beforeSeq: number, limit: number) =>
  api<Message[]>('GET', `/api/admin/sessions/${sessionId}/messages?beforeSeq=${beforeSeq}&limit=${limit}`);
