import type { Role, User } from '@parley/protocol';
import { api, withQuery, type Page } from '../../../lib/api';

export const USERS_PAGE_SIZE = 50;

/** `query`: text in the name or the e-mail address (the server looks in both). */
export function listUsers(query: string, page: number, size = USERS_PAGE_SIZE): Promise<Page<User>> {
  return api<Page<User>>('GET', withQuery('/api/admin/users', { page: String(page), size: String(size), q: query.trim() }));
}

export const getUser = (id: string) => api<User>('GET', `/api/admin/users/${id}`);

/** A person, and the password Parley generated for them: shown once, null when the admin typed one. */
export interface WithPassword {
  user: User;
  generatedPassword: string | null;
}

export interface Invitation {
  name: string;
  email: string;
  roles: Role[];
  /** Absent: Parley generates one. */
  password?: string;
}

export const invite = (invitation: Invitation) => api<WithPassword>('POST', '/api/admin/users', invitation);

/** The person's sign-ins end now; they must choose their own password at the next. Absent: Parley generates one. */
export const resetPassword = (id: string, password?: string) => api<WithPassword>('POST', `/api/admin/users/${id}/password`, { password });

/** Their sign-ins end now: they sign in again with the new roles. */
export const changeRoles = (id: string, roles: Role[]) => api<User>('PUT', `/api/admin/users/${id}/roles`, { roles });

/** Deactivating ends their sign-ins at once, and their open conversations go back to the queue. */
export const setActive = (id: string, active: boolean) => api<User>('PUT', `/api/admin/users/${id}/active`, { active });

export interface RoleChange {
  changedBy: string;
  changedByName: string;
  oldRoles: Role[];
  newRoles: Role[];
  changedAt: string;
}

/** Oldest first. */
export const roleChanges = (id: string) => api<RoleChange[]>('GET', `/api/admin/users/${id}/role-changes`);
