import type { UserMeta } from '@parley/protocol';

export type PageUser = Pick<UserMeta, 'name' | 'email'>;

// the shape Bean Validation's @Email accepts on the server (start_session's userMeta.email), with a dot in the domain
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*@[^@\s.]+(\.[^@\s.]+)+$/;

/**
 * What the page says of its visitor (`Parley.setUser`), without an email that is no e-mail address: the server would
 * refuse to start the conversation with it, and the visitor would not be able to chat at all. The page's developer
 * is told in the console.
 */
export function usableUser(user: PageUser, warn: (message: string) => void = console.warn): PageUser {
  if (user.email == null || EMAIL.test(user.email)) return user;
  warn(`Parley.setUser: "${user.email}" is not an e-mail address; the visitor chats without it.`);
  const { email: _left, ...rest } = user;
  return rest;
}
