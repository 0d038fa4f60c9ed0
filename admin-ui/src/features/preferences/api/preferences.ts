import type { User } from '@parley/protocol';
import { api } from '../../../lib/api';
import type { Theme } from '../../../lib/theme';

/** As the server keeps them: what the person never chose is null. */
export interface StoredPreferences {
  desktopNotifications: boolean | null;
  sound: boolean | null;
  theme: Theme | null;
}

/** What `GET /api/me` and `PATCH /api/me/prefs` answer. */
export interface Me {
  user: User;
  preferences: StoredPreferences;
}

export const myAccount = () => api<Me>('GET', '/api/me');

/** Changes the preferences given and keeps the others. */
export const changePreferences = (changes: Partial<StoredPreferences>) => api<Me>('PATCH', '/api/me/prefs', changes);
