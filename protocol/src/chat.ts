/**
 * `/ws/chat`, the visitor's socket (docs/protocol.md, "/ws/chat — the visitor").
 * web's WireCatalogueTest compares the two lists of names with the server's sources.
 */
import type { Equal, Exactly } from './check';
import type { EmptyData, ErrorData, FrameOf } from './envelope';
import type { DisplayTypingData, Message, ReplayData, SessionEndedData, SessionIdData, UserMeta } from './shapes';

/** Paths of the WebSocket endpoints, relative to the server's context root. */
export const CHAT_PATH = '/ws/chat';

// ---- visitor -> server ------------------------------------------------------------------

export const visitorClientFrames = [
  'start_session',
  'resume',
  'user_message',
  'typing_start',
  'typing_stop',
  'request_agent',
  'end_session',
  'visitor_join',
  'feedback',
] as const;
export type VisitorClientFrameType = (typeof visitorClientFrames)[number];

export interface StartSessionData {
  userMeta?: UserMeta;
}

export interface ResumeData {
  sessionId: string;
  sessionToken: string;
  /** The last `seq` up to which the client has every message; 0 for all of them. */
  afterSeq: number;
}

export interface UserMessageData {
  text: string;
  /** 1–64 characters, unique per message of this visitor; makes the send idempotent. */
  clientMsgId: string;
  /** The `url` an image was sent to (`POST /api/chat/attachments`) in this session. */
  attachmentUrl?: string;
}

export interface VisitorJoinData {
  page?: string;
  referrer?: string;
  /** This browser had the widget on a page before (the widget remembers it). */
  returning?: boolean;
}

/** A thumbs up (`true`) or down on one of the assistant's answers in this session. */
export interface FeedbackData {
  messageId: string;
  helpful: boolean;
}

/** The data of each frame a visitor sends, by type. */
export interface VisitorClientData {
  start_session: StartSessionData;
  resume: ResumeData;
  user_message: UserMessageData;
  typing_start: EmptyData;
  typing_stop: EmptyData;
  request_agent: EmptyData;
  end_session: EmptyData;
  visitor_join: VisitorJoinData;
  feedback: FeedbackData;
}

/** Why nobody (or no assistant) can answer now. */
export type NoticeReason =
  | 'assistant_unavailable'
  | 'outside_business_hours'
  | 'no_agent_online'
  | 'no_agent_answered'
  | 'assistant_limit'
  | (string & {});

export interface RequestAgentAck {
  sessionId: string;
  status: 'waiting_agent' | 'assigned' | 'active' | 'unchanged';
  /** What is left of the visitor's countdown while nobody has taken the conversation up. */
  waitSeconds?: number;
  reason?: NoticeReason;
}

/** `ack` data, by the type of the visitor's frame it answers. */
export interface VisitorAckData {
  start_session: { sessionId: string };
  resume: { sessionId: string; lastSeq: number };
  user_message: { message: Message };
  typing_start: SessionIdData;
  typing_stop: SessionIdData;
  request_agent: RequestAgentAck;
  end_session: SessionIdData;
  visitor_join: { visitorId: string };
  feedback: FeedbackData;
}

// ---- server -> visitor ------------------------------------------------------------------

export const visitorServerFrames = [
  'session_started',
  'session_resumed',
  'replay',
  'bot_stream',
  'bot_message',
  'system_message',
  'agent_message',
  'agent_initiated_chat',
  'display_typing',
  'session_ended',
  'ack',
  'error',
] as const;
export type VisitorServerFrameType = (typeof visitorServerFrames)[number];

export interface SessionStartedData {
  sessionId: string;
  /** Shown once; the server keeps only its hash. */
  sessionToken: string;
  welcomeMessage: string;
  /** After `resume` of a session that is over: the one this new session replaces. */
  expiredSessionId?: string;
}

export interface SessionResumedData {
  sessionId: string;
  /** The first page (at most 100) of the messages with `seq > afterSeq`, in order. */
  messages: Message[];
  /** `replay` frames with the rest follow, before the ack. */
  more: boolean;
}

export interface BotStreamData {
  streamId: string;
  delta: string;
}

export interface BotMessageData {
  message: Message;
  /** Up to 3 short follow-up questions. */
  suggestions: string[];
  responseType: 'auto_reply' | 'llm';
  /** The stream this stored answer completes (and replaces). */
  streamId?: string;
}

export type Offer = 'agent' | 'offline_form';

export interface SystemMessageData {
  message: Message;
  offers: Offer[];
  /** While someone is sought: the seconds left of the visitor's countdown. */
  waitSeconds?: number;
  reason?: NoticeReason;
  /** `agent_joined`: a person took the conversation up (`agentName` says who). */
  event?: 'agent_joined' | (string & {});
  agentName?: string;
}

export interface AgentMessageData {
  message: Message;
}

/** An agent started a conversation with this visitor; bind to it with `resume {sessionId, sessionToken, afterSeq: 0}`. */
export interface AgentInitiatedChatData {
  sessionId: string;
  sessionToken: string;
  message: Message;
}

/** The data of each frame a visitor receives, by type. */
export interface VisitorServerData {
  session_started: SessionStartedData;
  session_resumed: SessionResumedData;
  replay: ReplayData;
  bot_stream: BotStreamData;
  bot_message: BotMessageData;
  system_message: SystemMessageData;
  agent_message: AgentMessageData;
  agent_initiated_chat: AgentInitiatedChatData;
  display_typing: DisplayTypingData;
  session_ended: SessionEndedData;
  ack: VisitorAckData[VisitorClientFrameType];
  error: ErrorData;
}

export type VisitorClientFrame = FrameOf<VisitorClientData, VisitorClientFrameType>;
export type VisitorServerFrame = FrameOf<VisitorServerData, VisitorServerFrameType>;

/** Compile-time: each map has exactly the frames of its list. */
export type VisitorCatalogueChecks = [
  Exactly<Equal<keyof VisitorClientData, VisitorClientFrameType>>,
  Exactly<Equal<keyof VisitorAckData, VisitorClientFrameType>>,
  Exactly<Equal<keyof VisitorServerData, VisitorServerFrameType>>,
];
