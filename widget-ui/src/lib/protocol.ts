/**
 * Parley wire protocol: the one module for the types of every WebSocket frame.
 * Imported by the widget and by the console (admin-ui, through the `@parley/protocol` alias).
 * The exact behaviour is in docs/protocol.md; keep this file in step with it.
 *
 * Only types and small constants live here, no runtime dependencies, so that any client can import it.
 */

/** One JSON text frame, in either direction. */
export interface Envelope<T extends string = string, D = unknown> {
  type: T;
  data: D;
  /** Client id of a request (at most 64 characters); echoed by its `ack` or `error`. */
  ref?: string;
}

export type Sender = 'user' | 'bot' | 'agent' | 'system';

/** A stored message, wherever it appears. `seq` is 1, 2, 3, … per session, without gaps. */
export interface Message {
  id: string;
  sessionId: string;
  seq: number;
  sender: Sender;
  text: string;
  attachments: unknown[];
  agentId?: string;
  /** UTC, ISO-8601. */
  createdAt: string;
  /** Only on messages that a client sent with one. */
  clientMsgId?: string;
}

export const MAX_REF_LENGTH = 64;
export const MAX_CLIENT_MSG_ID_LENGTH = 64;
export const MAX_TEXT_LENGTH = 4000;

// ---- errors -------------------------------------------------------------------------------

export const ERROR_CODES = [
  'bad_json',
  'invalid_frame',
  'unknown_type',
  'frame_too_large',
  'text_too_long',
  'no_session',
  'session_refused',
  'session_closed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  code: ErrorCode | string;
  message: string;
}

// ---- /ws/chat: visitor -> server ------------------------------------------------------------

export interface UserMeta {
  name?: string;
  email?: string;
  page?: string;
  referrer?: string;
  locale?: string;
  userAgent?: string;
}

export interface StartSessionData {
  userMeta?: UserMeta;
}

export interface ResumeData {
  sessionId: string;
  sessionToken: string;
  afterSeq: number;
}

export interface UserMessageData {
  text: string;
  /** 1–64 characters, unique per message of this visitor; makes the send idempotent. */
  clientMsgId: string;
}

export type EndSessionData = Record<string, never>;

/** Frames a visitor sends, by type. */
export interface VisitorInMap {
  start_session: StartSessionData;
  resume: ResumeData;
  user_message: UserMessageData;
  end_session: EndSessionData;
}
export type VisitorInType = keyof VisitorInMap;
export const VISITOR_IN_TYPES: readonly VisitorInType[] = ['start_session', 'resume', 'user_message', 'end_session'];

// ---- /ws/chat: server -> visitor ------------------------------------------------------------

export interface SessionStartedData {
  sessionId: string;
  /** Shown once; the server keeps only its hash. */
  sessionToken: string;
  welcomeMessage: string;
}

export interface SessionResumedData {
  sessionId: string;
  /** Every message with `seq > afterSeq`, in order. */
  messages: Message[];
}

export interface BotMessageData {
  message: Message;
  suggestions: string[];
  responseType: 'auto_reply' | string;
}

export type Offer = 'agent' | 'offline_form';

export interface SystemMessageData {
  message: Message;
  offers: Offer[];
}

export interface AgentMessageData {
  message: Message;
}

export interface SessionEndedData {
  sessionId: string;
}

/** `ack` data, by the type of the request it answers. */
export interface AckDataMap {
  start_session: { sessionId: string };
  resume: { sessionId: string; lastSeq: number };
  user_message: { message: Message };
  end_session: { sessionId: string };
}

/** Frames a visitor receives, by type. */
export interface VisitorOutMap {
  session_started: SessionStartedData;
  session_resumed: SessionResumedData;
  bot_message: BotMessageData;
  system_message: SystemMessageData;
  agent_message: AgentMessageData;
  session_ended: SessionEndedData;
  ack: AckDataMap[VisitorInType];
  error: ErrorData;
}
export type VisitorOutType = keyof VisitorOutMap;
export const VISITOR_OUT_TYPES: readonly VisitorOutType[] = [
  'session_started',
  'session_resumed',
  'bot_message',
  'system_message',
  'agent_message',
  'session_ended',
  'ack',
  'error',
];

export type VisitorInFrame = { [K in VisitorInType]: Envelope<K, VisitorInMap[K]> }[VisitorInType];
export type VisitorOutFrame = { [K in VisitorOutType]: Envelope<K, VisitorOutMap[K]> }[VisitorOutType];

/** Paths of the WebSocket endpoints, relative to the server's context root. */
export const CHAT_PATH = '/ws/chat';
export const AGENT_PATH = '/ws/agent';
