import type { Attached } from '@parley/protocol';
import { api, download } from '../../../lib/api';

/** An image sent to Parley: its `url` goes in the message that carries it. */
export interface SentImage {
  id: string;
  url: string;
  mediaType: string;
  size: number;
}

/** Sends an image for a message in the session (the server checks it by its bytes). */
export const sendImage = (sessionId: string, image: Blob) =>
  api<SentImage>('POST', `/api/admin/attachments?sessionId=${encodeURIComponent(sessionId)}`, image);

/** An image of a conversation, as agents read it. */
export const imageOf = (attachment: Attached) => download(`/api/admin/attachments/${attachment.id}`);
