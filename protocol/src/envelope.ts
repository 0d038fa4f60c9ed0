/**
 * What every frame of both sockets shares: the envelope, `ack` and `error`, the error codes and the limits.
 * docs/protocol.md ("WebSocket envelope") is the contract.
 */

/** One JSON text frame, in either direction. */
export interface Envelope<T extends string = string, D = unknown> {
  type: T;
  data: D;
  /** Client id of a request (at most 64 characters); echoed by its `ack` or `error`. */
  ref?: string;
}

/** The answer to a client frame that had a `ref`, on success. Events the request causes come before it. */
export interface AckFrame<D = unknown> extends Envelope<'ack', D> {
  ref: string;
}

/** A failure; with the `ref` of the frame that failed, if it had one. An error never closes the connection. */
export type ErrorFrame = Envelope<'error', ErrorData>;

export const MAX_REF_LENGTH = 64;
export const MAX_CLIENT_MSG_ID_LENGTH = 64;
/** `parley.chat.max-text-length`, the server's default. */
export const MAX_TEXT_LENGTH = 4000;
/** `parley.chat.max-frame-bytes`, the server's default: larger frames get `frame_too_large`. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** Close codes the server uses. */
export const CLOSE_TOO_BIG = 1009;
/** The socket fell more than 256 frames behind: reconnect and resume. */
export const CLOSE_TOO_SLOW = 1013;
/** `/ws/agent`: no or a bad `agent_auth`, the token expired, or the person was deactivated or changed. */
export const CLOSE_UNAUTHORIZED = 4401;

// ---- errors -------------------------------------------------------------------------------

/** Every `error` code a socket may send (docs/protocol.md, "Error codes"). */
export const errorCodes = [
  'bad_json',
  'invalid_frame',
  'unknown_type',
  'frame_too_large',
  'text_too_long',
  'no_session',
  'session_refused',
  'session_closed',
  'not_found',
  'invalid',
  'invalid_transition',
  'rate_limited',
  'write_first',
  'attachment_used',
  'unavailable',
  'internal',
  // /ws/agent
  'unauthorized',
  'session_not_found',
  'visitor_gone',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  /** One of `errorCodes`; a client treats a code it does not know like `internal`. */
  code: ErrorCode | (string & {});
  message: string;
  /** With `unavailable` and `rate_limited`: when to send the same frame again. */
  retryAfterSeconds?: number;
}

export type EmptyData = Record<string, never>;

/** The envelope of each frame of a map of frame data, as one union to `switch` on `type`. */
export type FrameOf<Map, Names extends keyof Map & string> = { [K in Names]: Envelope<K, Map[K]> }[Names];
