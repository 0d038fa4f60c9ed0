import type { Problem } from '@parley/protocol';
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

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const signedIn = session.current();
  const headers: Record<string, string> = {};
  if (signedIn) {
    headers.Authorization = `Bearer ${signedIn.token}`;
  }
  const raw = body instanceof Blob;
  if (body !== undefined) {
    headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  } catch {
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
