import type { UserMeta, WidgetPreviewMessage } from '@parley/protocol';

/**
 * Messages between the loader on the host page and the chat in its frame (window.postMessage). Each side posts only
 * to the other's exact origin and takes a message only from the other's window and origin.
 */
export type HostMessage =
  /** The panel is shown (`focus`: move the keyboard focus into it) or hidden. */
  | { type: 'shown'; focus: boolean }
  | { type: 'hidden' }
  /** `setUser`: who the visitor is, as the host site knows them. */
  | { type: 'user'; user: Pick<UserMeta, 'name' | 'email'> }
  /** In the console's preview only: the look being edited, to show instead of the one saved. */
  | WidgetPreviewMessage;

export type FrameMessage =
  | { type: 'ready' }
  /** The visitor closed the panel inside the frame (button or Escape). */
  | { type: 'close' }
  /** Something the visitor should see arrived: an agent started a chat. */
  | { type: 'open' }
  /** Messages the visitor has not seen, for the launcher's badge. */
  | { type: 'unread'; count: number };

export interface Envelope<M> {
  parley: 1;
  message: M;
}

export function wrap<M>(message: M): Envelope<M> {
  return { parley: 1, message };
}

/** The message inside a bridge envelope, or null for anything else posted to the window. */
export function unwrap<M extends { type: string }>(data: unknown): M | null {
  const e = data as Envelope<M> | null;
  return e && typeof e === 'object' && e.parley === 1 && e.message && typeof e.message.type === 'string' ? e.message : null;
}

/** The frame's page, under the server base. */
export const FRAME_PATH = '/widget/frame.html';
