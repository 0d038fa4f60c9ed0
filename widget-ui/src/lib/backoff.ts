/**
 * Reconnect delay for the given attempt (0 = first retry): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that many clients dropped together do not come back together.
 */
export function backoffDelay(attempt: number, baseMs = 500, capMs = 30_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
