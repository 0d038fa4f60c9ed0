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
  attachments: Attached[];
  agentId?: string;
  /** The agent's display name, on messages an agent wrote. */
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
  'not_found',
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
  /** The `url` an image was sent to (`POST /api/chat/attachments`) in this session. */
  attachmentUrl?: string;
}

export type EmptyData = Record<string, never>;

export interface FeedbackData {
  messageId: string;
  helpful: boolean;
}

export interface VisitorJoinData {
  page?: string;
  referrer?: string;
}

/** Frames a visitor sends, by type. */
export interface VisitorInMap {
  start_session: StartSessionData;
  resume: ResumeData;
  user_message: UserMessageData;
  typing_start: EmptyData;
  typing_stop: EmptyData;
  request_agent: EmptyData;
  end_session: EmptyData;
  feedback: FeedbackData;
  visitor_join: VisitorJoinData;
}
export type VisitorInType = keyof VisitorInMap;
export const VISITOR_IN_TYPES: readonly VisitorInType[] = [
  'start_session',
  'resume',
  'user_message',
  'typing_start',
  'typing_stop',
  'request_agent',
  'end_session',
  'feedback',
  'visitor_join',
];

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

export interface BotStreamData {
  streamId: string;
  delta: string;
}

export interface BotMessageData {
  message: Message;
  suggestions: string[];
  responseType: 'auto_reply' | 'llm' | string;
  /** The stream this stored answer completes (and replaces). */
  streamId?: string;
}

export type Offer = 'agent' | 'offline_form';

/** Why nobody (or no assistant) can answer now. */
export type NoticeReason = 'assistant_unavailable' | 'outside_business_hours' | 'no_agent_online' | 'no_agent_answered' | string;

export interface SystemMessageData {
  message: Message;
  offers: Offer[];
  /** While someone is sought: the seconds left of the visitor's countdown. */
  waitSeconds?: number;
  reason?: NoticeReason;
  /** `agent_joined`: a person took the conversation up (`agentName` says who). */
  event?: 'agent_joined' | string;
  agentName?: string;
}

export interface DisplayTypingData {
  sessionId: string;
  sender: 'agent';
  agentId?: string;
  agentName?: string;
  isTyping: boolean;
}

export interface AgentInitiatedChatData {
  sessionId: string;
  sessionToken: string;
  message: Message;
}

export interface AgentMessageData {
  message: Message;
}

export interface SessionEndedData {
  sessionId: string;
  by?: 'agent' | string;
}

export interface RequestAgentAck {
  sessionId: string;
  status: 'waiting_agent' | 'assigned' | 'active' | 'unchanged' | string;
  waitSeconds?: number;
  reason?: NoticeReason;
}

/** `ack` data, by the type of the request it answers. */
export interface AckDataMap {
  start_session: { sessionId: string };
  resume: { sessionId: string; lastSeq: number };
  user_message: { message: Message };
  typing_start: { sessionId: string };
  typing_stop: { sessionId: string };
  request_agent: RequestAgentAck;
  end_session: { sessionId: string };
  feedback: FeedbackData;
  visitor_join: { visitorId: string };
}

/** Frames a visitor receives, by type. */
export interface VisitorOutMap {
  session_started: SessionStartedData;
  session_resumed: SessionResumedData;
  bot_stream: BotStreamData;
  bot_message: BotMessageData;
  system_message: SystemMessageData;
  agent_message: AgentMessageData;
  display_typing: DisplayTypingData;
  agent_initiated_chat: AgentInitiatedChatData;
  session_ended: SessionEndedData;
  ack: AckDataMap[VisitorInType];
  error: ErrorData;
}
export type VisitorOutType = keyof VisitorOutMap;
export const VISITOR_OUT_TYPES: readonly VisitorOutType[] = [
  'session_started',
  'session_resumed',
  'bot_stream',
  'bot_message',
  'system_message',
  'agent_message',
  'display_typing',
  'agent_initiated_chat',
  'session_ended',
  'ack',
  'error',
];

export type VisitorInFrame = { [K in VisitorInType]: Envelope<K, VisitorInMap[K]> }[VisitorInType];
export type VisitorOutFrame = { [K in VisitorOutType]: Envelope<K, VisitorOutMap[K]> }[VisitorOutType];

/** Paths of the WebSocket endpoints, relative to the server's context root. */
export const CHAT_PATH = '/ws/chat';
export const AGENT_PATH = '/ws/agent';

// ---- HTTP for visitors ----------------------------------------------------------------------

/** `GET /api/widget/config`: the widget's look and what the desk can offer now. */
export interface WidgetConfig {
  title: string;
  /** `#rrggbb` */
  color: string;
  position: 'left' | 'right';
  launcherText: string;
  logoUrl: string | null;
  welcomeMessage: string;
  maxAttachmentBytes: number;
  /** Within business hours now. */
  open: boolean;
  agentsOnline: boolean;
}

export const WIDGET_CONFIG_PATH = '/api/widget/config';
export const ATTACHMENTS_PATH = '/api/chat/attachments';
export const RATING_PATH = '/api/chat/rating';
export const TICKETS_PATH = '/api/tickets';
/** The headers that prove a visitor's session on the visitor REST routes. */
export const SESSION_HEADER = 'X-Parley-Session';
export const SESSION_TOKEN_HEADER = 'X-Parley-Session-Token';

/** `POST /api/tickets`, the offline form. */
export interface TicketRequest {
  name: string;
  email: string;
  message: string;
  sessionId?: string;
  sessionToken?: string;
}

/** `POST /api/chat/rating`. */
export interface RatingRequest {
  score: number;
  comment?: string;
}

/** A problem document (`application/problem+json`), every HTTP error's body. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}
