/** The HTTP routes a visitor's widget calls, and the problem document every HTTP error carries (docs/protocol.md, "HTTP"). */

/** How the widget looks: what an admin sets (`GET|PUT /api/admin/widget`) and every widget reads. */
export interface WidgetLook {
  title: string;
  /** `#rrggbb` */
  color: string;
  position: 'left' | 'right';
  launcherText: string;
  /** An uploaded logo's path on the Parley server (`/api/widget/logos/<sha-256>`), an absolute URL, or null for none. */
  logoUrl: string | null;
}

/** `GET /api/widget/config`: the widget's look and what the desk can offer now. */
export interface WidgetConfig extends WidgetLook {
  welcomeMessage: string;
  maxAttachmentBytes: number;
  /** Within business hours now. */
  open: boolean;
  agentsOnline: boolean;
}

export const WIDGET_CONFIG_PATH = '/api/widget/config';
/**
 * The console's preview of the widget: the real loader and chat on a page of Parley's that only Parley's own pages may
 * frame. The console posts it the look being edited, to Parley's origin, as `{parley: 1, message: {type: 'look', look}}`.
 */
export const WIDGET_PREVIEW_PATH = '/widget/preview.html';
export interface WidgetPreviewMessage {
  type: 'look';
  look: WidgetLook;
}
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
