import type { Notification } from '@parley/protocol';
import { api, type Page } from '../../../lib/api';

/** The bell shows the newest ones; its count is of the unread among them (the server has no count of its own). */
export const SHOWN = 30;

export const listNotifications = () => api<Page<Notification>>('GET', `/api/notifications?page=0&size=${SHOWN}`);

export const markRead = (id: string) => api<Notification>('PATCH', `/api/notifications/${id}/read`);
