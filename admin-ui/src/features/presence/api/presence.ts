import { api } from '../../../lib/api';

export type Status = 'online' | 'away' | 'offline';

export interface Presence {
  userId: string;
  status: Status;
  capacity: number;
}

/** Someone on the desk, by name; `load`: how many conversations they have now. */
export interface Agent extends Presence {
  name: string;
  load: number;
}

/** Everyone who has set a status. */
export const listAgents = () => api<Agent[]>('GET', '/api/agents');

/** The person's own presence; someone who never set one is offline. */
export const myPresence = () => api<Presence>('GET', '/api/agents/me/status');

export const setPresence = (status: Status, capacity: number) => api<Presence>('PUT', '/api/agents/me/status', { status, capacity });
