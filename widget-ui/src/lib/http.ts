import type { Problem } from '@parley/protocol';

/** An HTTP call that failed; `message` is the server's own words (the problem document's detail) where it gave some. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** fetch, answering the JSON body, or throwing an HttpError with the problem document's detail. */
export async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new HttpError(0, 'No connection to the server.');
  }
  if (!response.ok) {
    let problem: Problem = {};
    try {
      problem = (await response.json()) as Problem;
    } catch {
      /* not a problem document */
    }
    throw new HttpError(response.status, problem.detail || problem.title || `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}

export function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return call<T>(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
