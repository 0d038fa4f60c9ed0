import type { Session } from '@parley/protocol';
import { api } from '../../../lib/api';

/** A message a visitor left with the offline form. */
export interface Ticket {
  id: string;
  message: string;
  status: string;
  sessionId: string | null;
  createdAt: string;
}

/** What else the desk knows of a conversation's visitor: their other conversations and their tickets, newest first. */
export interface VisitorHistory {
  earlier: Session[];
  tickets: Ticket[];
}

export const visitorHistory = (sessionId: string) => api<VisitorHistory>('GET', `/api/admin/sessions/${sessionId}/history`);
