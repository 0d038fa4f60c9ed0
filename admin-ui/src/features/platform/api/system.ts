import { api } from '../../../lib/api';

export interface SystemOverview {
  version: string;
  /** Nulls: the database did not answer. */
  database: { product: string | null; version: string | null; embedded: boolean; driver: string | null };
  /** Every check is up: /health/ready answers 200. */
  ready: boolean;
  health: { name: string; up: boolean; data: Record<string, string> }[];
  /** `clustered` false: this node alone, without a data grid. */
  cluster: { clustered: boolean; members: { host: string; address: string | null; local: boolean }[] };
  /** Allowed besides Parley's own origin. */
  origins: { console: string[]; widgetAny: boolean; widget: string[] };
  tlsRequired: boolean;
}

export const systemOverview = () => api<SystemOverview>('GET', '/api/admin/system');
