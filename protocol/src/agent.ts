/**
 * `/ws/agent`, the socket of agents and admins (docs/protocol.md, "/ws/agent — agents and admins").
 * The first frame must be `agent_auth {token}`; anything else first closes the socket with 4401.
 * web's WireCatalogueTest compares the two lists of names with the server's sources.
 */
import type { Equal, Exactly } from './check';
import type { EmptyData, ErrorData, FrameOf } from './envelope';
import type {
  DisplayTypingData,
  LiveVisitor,
  Message,
  Note,
  Notification,
  ReplayData,
  Session,
  SessionEndedData,
  SessionIdData,
  User,
} from './shapes';

export const AGENT_PATH = '/ws/agent';

// ---- agent -> server --------------------------------------------------------------------

export const agentClientFrames = [
  'agent_auth',
  'join_admin_feed',
  'join_session',
  'agent_message',
  'internal_note',
  'typing_start',
  'typing_stop',
  'initiate_chat',
] as const;
export type AgentClientFrameType = (typeof agentClientFrames)[number];

/** The sign-in token of `POST /api/auth/login`. */
export interface AgentAuthData {
  token: string;
}

export interface JoinSessionData {
  sessionId: string;
  /** Messages after this `seq` come with `session_joined`; absent means all of them. */
  afterSeq?: number;
}

export interface AgentMessageRequest {
  sessionId: string;
  /** May be empty when the message carries an image. */
  text: string;
  /** 1–64 characters; makes the send idempotent. */
  clientMsgId: string;
  /** The `url` of an image sent to `POST /api/admin/attachments?sessionId=` for this session. */
  attachmentUrl?: string;
}

export interface InternalNoteRequest {
  sessionId: string;
  text: string;
}

/** Opens a conversation with a live visitor (`live_visitors`, `live_visitors_changed`). */
export interface InitiateChatData {
  visitorId: string;
  text: string;
}

/** The data of each frame an agent sends, by type. */
export interface AgentClientData {
  agent_auth: AgentAuthData;
  join_admin_feed: EmptyData;
  join_session: JoinSessionData;
  agent_message: AgentMessageRequest;
  internal_note: InternalNoteRequest;
  typing_start: SessionIdData;
  typing_stop: SessionIdData;
  initiate_chat: InitiateChatData;
}

/** `ack` data, by the type of the agent's frame it answers. */
export interface AgentAckData {
  agent_auth: { userId: string };
  join_admin_feed: { feed: true };
  join_session: { sessionId: string; lastSeq: number };
  agent_message: { message: Message };
  internal_note: { note: Note };
  typing_start: SessionIdData;
  typing_stop: SessionIdData;
  initiate_chat: { session: Session; message: Message };
}

// ---- server -> agent --------------------------------------------------------------------

export const agentServerFrames = [
  'agent_authenticated',
  'session_joined',
  'session_update',
  'session_hidden',
  'agent_request',
  'new_message',
  'internal_note',
  'session_ended',
  'session_assigned',
  'assignment_lapsed',
  'display_typing',
  'new_notification',
  'live_visitors',
  'live_visitors_changed',
  'replay',
  'ack',
  'error',
] as const;
export type AgentServerFrameType = (typeof agentServerFrames)[number];

export interface AgentAuthenticatedData {
  user: User;
}

/**
 * The answer to `join_session`: the session, its notes, and the first page of its messages after `afterSeq`; when
 * `more`, `replay` frames with the rest follow before the ack.
 */
export interface SessionJoinedData {
  session: Session;
  messages: Message[];
  notes: Note[];
  more: boolean;
}

export interface SessionData {
  session: Session;
}

/** The session went to someone else and this person may no longer see it: drop it. */
export interface SessionHiddenData {
  sessionId: string;
}

/** Why a conversation came to the agents (also stored with the move, `session_transitions.reason`). */
export type AgentRequestReason =
  | 'visitor_request'
  | 'visitor_asked_for_a_person'
  | 'repeated_question'
  | 'low_confidence'
  | `assistant_handoff: ${string}`;

export interface AgentRequestData {
  session: Session;
  reason: AgentRequestReason;
}

export interface NewMessageData {
  message: Message;
}

export interface InternalNoteData {
  note: Note;
}

/** The agent did not take an assignment up in time and was set away. */
export interface AssignmentLapsedData {
  sessionId: string;
  /** `away` when they were set away for it; `online` when it was one of a run of several offers at once. */
  status: 'away' | 'online';
}

export interface NewNotificationData {
  notification: Notification;
}

/** Everyone on the sites now: sent first when the feed is joined. */
export interface LiveVisitorsData {
  visitors: LiveVisitor[];
}

/** What changed since the last one (at most one a second): who arrived, moved to another page, or left (by id). */
export interface LiveVisitorsChangedData {
  joined: LiveVisitor[];
  changed: LiveVisitor[];
  left: string[];
}

/** The data of each frame an agent receives, by type. */
export interface AgentServerData {
  agent_authenticated: AgentAuthenticatedData;
  session_joined: SessionJoinedData;
  session_update: SessionData;
  session_hidden: SessionHiddenData;
  agent_request: AgentRequestData;
  new_message: NewMessageData;
  internal_note: InternalNoteData;
  session_ended: SessionEndedData;
  session_assigned: SessionData;
  assignment_lapsed: AssignmentLapsedData;
  display_typing: DisplayTypingData;
  new_notification: NewNotificationData;
  live_visitors: LiveVisitorsData;
  live_visitors_changed: LiveVisitorsChangedData;
  replay: ReplayData;
  ack: AgentAckData[AgentClientFrameType];
  error: ErrorData;
}

export type AgentClientFrame = FrameOf<AgentClientData, AgentClientFrameType>;
export type AgentServerFrame = FrameOf<AgentServerData, AgentServerFrameType>;

/** Compile-time: each map has exactly the frames of its list. */
export type AgentCatalogueChecks = [
  Exactly<Equal<keyof AgentClientData, AgentClientFrameType>>,
  Exactly<Equal<keyof AgentAckData, AgentClientFrameType>>,
  Exactly<Equal<keyof AgentServerData, AgentServerFrameType>>,
];
