import type { Problem } from '@parley/protocol';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { session } from './session';
import { text } from './text';

/** A REST call the server refused or failed, with the sentence to show for it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls Parley's REST API as the signed-in person and answers with what it sent as JSON. A 401 means their sign-in is
 * over (expired, revoked, signed out everywhere): they go back to the sign-in page with the reason. A {@link Blob} body
 * goes as it is (an image), anything else as JSON.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await call(method, path, body);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** What Parley sends at {@code path} as it is: an image. */
export async function download(path: string): Promise<Blob> {
  return (await call('GET', path)).blob();
}

/**
 * Posts {@code body} to an endpoint that answers with server-sent events and hands each event to {@code onEvent} as it
 * comes (its name and its data read as JSON), until the server ends the stream. EventSource cannot send the bearer
 * token, so this is `fetch` and a stream reader; eventsource-parser (MIT, maintained) reads the events. A refusal
 * before the stream is an {@link ApiError} as for any call.
 */
export async function postForEvents(path: string, body: unknown, onEvent: (name: string, data: unknown) => void, signal?: AbortSignal): Promise<void> {
  const response = await call('POST', path, body, { accept: 'text/event-stream', signal });
  const events = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  const reader = events.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      onEvent(read.value.event ?? 'message', JSON.parse(read.value.data));
    }
  } catch (failure) {
    throw signal?.aborted ? failure : new ApiError(0, text.errors.offline);
  }
}

async function call(method: string, path: string, body?: unknown, options: { accept?: string; signal?: AbortSignal } = {}): Promise<Response> {
  const signedIn = session.current();
  const headers: Record<string, string> = {};
  if (options.accept) {
    headers.Accept = options.accept;
  }
  if (signedIn) {
    headers.Authorization = `Bearer ${signedIn.token}`;
  }
  const raw = body instanceof Blob;
  if (body !== undefined) {
    headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body), signal: options.signal });
  } catch (failure) {
    if (options.signal?.aborted) {
      throw failure;
    }
    throw new ApiError(0, text.errors.offline);
  }
  if (response.status === 401 && signedIn) {
    session.signOut(text.signIn.ended);
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(response.status, problem.detail ?? text.errors.status(response.status));
  }
  return response;
}

/** `path` with the query parameters that have a value (a filter left empty is left out). */
export function withQuery(path: string, parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  Object.entries(parameters).forEach(([name, value]) => value && query.set(name, value));
  return `${path}?${query}`;
}

/** A page of a list, as every list endpoint answers. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}
