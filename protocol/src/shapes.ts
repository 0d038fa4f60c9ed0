/**
 * The shapes frames carry, on either socket: messages, sessions, notes, notifications, people.
 * Times are UTC ISO-8601 strings. Absent values are left out (optional here) unless a field says `| null`.
 */

export type Sender = 'user' | 'bot' | 'agent' | 'system';

/** A stored message, wherever it appears. `seq` is 1, 2, 3, … per session, without gaps. */
export interface Message {
  id: string;
  sessionId: string;
  seq: number;
  sender: Sender;
  text: string;
  attachments: Attached[];
  /** On messages an agent wrote. */
  agentId?: string;
  /** The agent's display name as it was when they wrote, on messages an agent wrote. */
  agentName?: string;
  /** UTC, ISO-8601. */
  createdAt: string;
  /** Only on messages that a client sent with one. */
  clientMsgId?: string;
}

/** An image a message carries; `url` is where the visitor reads it (with the session's headers). */
export interface Attached {
  id: string;
  url: string;
}

/**
 * `active` (the assistant answers) → `waiting_agent` → `assigned` (an agent owns it) → `resolved` (an agent closed
 * it); `closed` when the visitor ended it or it was idle past the timeout.
 */
export type SessionStatus = 'active' | 'waiting_agent' | 'assigned' | 'resolved' | 'closed';

/** A chat session as agents see it (never its token). */
export interface Session {
  id: string;
  status: SessionStatus;
  assignedAgentId?: string;
  lastSeq: number;
  visitor?: SessionVisitor;
  createdAt: string;
  lastActivityAt: string;
  /** Since when the visitor has waited for a person, while they wait (queued, or offered and not taken up yet). */
  waitingSince?: string;
  /** `null` until the visitor rated the conversation. */
  rating: SessionRating | null;
  /** What the visitor's talk with the assistant came to, for the agent who takes over; `null` without one. */
  handoffSummary: string | null;
}

export interface SessionVisitor {
  name?: string;
  email?: string;
  page?: string;
  referrer?: string;
  locale?: string;
  /** The visitor's browser as it names itself. */
  userAgent?: string;
}

export interface SessionRating {
  /** 1 to 5. */
  score: number;
  comment: string | null;
  ratedAt: string;
}

/** Who or what ended a conversation. */
export type SessionEndedBy = 'visitor' | 'agent' | 'expiry';

/** A note agents keep on a session; never sent to a visitor. */
export interface Note {
  id: string;
  sessionId: string;
  authorId: string;
  text: string;
  createdAt: string;
}

export type NotificationKind = 'assigned' | 'agent_request' | 'ticket';

export interface Notification {
  id: string;
  kind: NotificationKind;
  text: string;
  sessionId?: string;
  /** How many events of its kind it stands for (agent requests and tickets are coalesced while unread); it tells of the latest. */
  count: number;
  read: boolean;
  createdAt: string;
}

export type Role = 'admin' | 'agent';

/** A person of the console, as the API shows one. */
export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
  /** Someone else chose their password: until they choose their own, only their account's endpoints answer them. */
  mustChangePassword: boolean;
}

/** A visitor on a site that embeds the widget (`visitor_join`), chatting or not. */
export interface LiveVisitor {
  visitorId: string;
  page?: string;
  referrer?: string;
  /** When they arrived (moving to another page keeps it). */
  since: string;
  /** Their browser had the widget before. */
  returning: boolean;
}

/** What a visitor's page tells about them (`start_session`). */
export interface UserMeta {
  name?: string;
  email?: string;
  page?: string;
  referrer?: string;
  locale?: string;
  userAgent?: string;
}

// ---- data that both sockets receive -------------------------------------------------------

/** A further page of a replay (after `session_resumed` or `session_joined` with `more`); `more` again until the last. */
export interface ReplayData {
  sessionId: string;
  messages: Message[];
  more: boolean;
}

export interface SessionEndedData {
  sessionId: string;
  by: SessionEndedBy;
}

/** Someone is writing: to the visitor an agent (`sender: "agent"`, with who), to agents either side. */
export interface DisplayTypingData {
  sessionId: string;
  sender: 'user' | 'agent';
  /** With `sender: "agent"`. */
  agentId?: string;
  /** With `sender: "agent"`. */
  agentName?: string;
  isTyping: boolean;
}

/** `ack` of `typing_start` and `typing_stop`, on both sockets. */
export interface SessionIdData {
  sessionId: string;
}
