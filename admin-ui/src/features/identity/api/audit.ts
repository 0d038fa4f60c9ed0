import { api, withQuery, type Page } from '../../../lib/api';
import { dayRange } from '../../../lib/time';

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorEmail: string | null;
  /** A code such as `user.roles`; text.ts says it in words. */
  action: string;
  target: string | null;
  /** The name of the person the entry is about, when it is about one (the server leaves it out otherwise). */
  targetName?: string;
  detail: string | null;
  clientAddress: string | null;
  at: string;
}

/** Who did it, what, and the days it was done in (from one to another, inclusive, in the person's own time zone). */
export interface AuditFilters {
  actorId?: string;
  action?: string;
  fromDay?: string;
  toDay?: string;
}

export const AUDIT_PAGE_SIZE = 25;

export function findAudit(filters: AuditFilters, page: number): Promise<Page<AuditEntry>> {
  return api<Page<AuditEntry>>('GET', withQuery('/api/admin/audit', {
    page: String(page),
    size: String(AUDIT_PAGE_SIZE),
    actorId: filters.actorId,
    action: filters.action,
    ...dayRange(filters.fromDay, filters.toDay),
  }));
}

/** The actions the log holds entries of. */
export const auditActions = () => api<string[]>('GET', '/api/admin/audit/actions');
