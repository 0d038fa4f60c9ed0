import { call, postJson } from '../../../lib/http';
import {
  ATTACHMENTS_PATH,
  RATING_PATH,
  SESSION_HEADER,
  SESSION_TOKEN_HEADER,
  TICKETS_PATH,
  WIDGET_CONFIG_PATH,
  type RatingRequest,
  type TicketRequest,
  type WidgetConfig,
} from '@parley/protocol';

export interface SessionProof {
  sessionId: string;
  sessionToken: string;
}

/** The visitor's REST calls (docs/protocol.md, HTTP): the widget's look, images, the offline form, the rating. */
export class VisitorApi {
  constructor(private readonly base: string) {}

  config(): Promise<WidgetConfig> {
    return call<WidgetConfig>(this.base + WIDGET_CONFIG_PATH);
  }

  /** Sends an image; answers the `url` to name in `user_message`. */
  async upload(file: Blob, session: SessionProof): Promise<string> {
    const sent = await call<{ url: string }>(this.base + ATTACHMENTS_PATH, {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream', ...headers(session) },
      body: file,
    });
    return sent.url;
  }

  /** An image of the session (its `url` is under the server base) as an object URL: an `<img>` cannot send the session's headers. */
  async image(url: string, session: SessionProof): Promise<string> {
    const response = await fetch(this.base + url, { headers: headers(session) });
    if (!response.ok) throw new Error(`image ${response.status}`);
    return URL.createObjectURL(await response.blob());
  }

  ticket(request: TicketRequest): Promise<{ id: string }> {
    return postJson(this.base + TICKETS_PATH, request);
  }

  rate(request: RatingRequest, session: SessionProof): Promise<unknown> {
    return postJson(this.base + RATING_PATH, request, headers(session));
  }
}

function headers(session: SessionProof): Record<string, string> {
  return { [SESSION_HEADER]: session.sessionId, [SESSION_TOKEN_HEADER]: session.sessionToken };
}

/** The console's preview: it reads the config like any widget, but a message left with the offline form goes nowhere. */
export class PreviewApi extends VisitorApi {
  override ticket(): Promise<{ id: string }> {
    return Promise.reject(new Error('This is a preview: nothing is sent.'));
  }
}
