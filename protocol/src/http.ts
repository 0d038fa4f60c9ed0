/** The HTTP routes a visitor's widget calls, and the problem document every HTTP error carries (docs/protocol.md, "HTTP"). */

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
