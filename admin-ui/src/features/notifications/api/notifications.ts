import type { Notification } from '@parley/protocol';
import { api, type Page } from '../../../lib/api';

/** The bell lists the newest ones; its count is of all the unread. */
export const SHOWN = 30;

export const listNotifications = () => api<Page<Notification>>('GET', `/api/notifications?page=0&size=${SHOWN}`);

export const unreadCount = () => api<{ count: number }>('GET', '/api/notifications/unread');

export const markRead = (id: string) => api<Notification>('PATCH', `/api/notifications/${id}/read`);
