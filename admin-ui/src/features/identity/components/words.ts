import type { Role, User } from '@parley/protocol';
import { text } from '../../../lib/text';

/** "admin, agent" */
export const roleNames = (roles: Role[]) => roles.map((role) => text.roles[role]).join(', ');

/** Whether the person may sign in, and whether they still have to choose their password. */
export function status(user: User): string {
  if (!user.active) {
    return text.people.users.inactive;
  }
  return user.mustChangePassword ? text.people.users.mustChoose : text.people.users.active;
}
