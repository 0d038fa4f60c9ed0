import { api } from '../../../lib/api';
import type { SignedIn } from '../../../lib/session';

export const signIn = (email: string, password: string) => api<SignedIn>('POST', '/api/auth/login', { email, password });

/** Every token of the person stops working, this one too: sign in again with the new password. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>('POST', '/api/me/password', { currentPassword, newPassword });

export const signOutEverywhere = () => api<void>('POST', '/api/me/sign-out-everywhere');
