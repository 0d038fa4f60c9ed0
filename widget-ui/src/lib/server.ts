/**
 * Where the Parley server is.
 * - the `server` setting (`data-server` on the script tag, or `ParleySettings.server`) wins (absolute, or relative to the page), e.g. `https://chat.example.com/parley`;
 * - otherwise the script's own URL without its `/widget/<file>` tail (the server serves the widget);
 * - otherwise the page's origin.
 * Returns the base URL without a trailing slash.
 */
export function serverBase(attr: string | null | undefined, scriptSrc: string | null | undefined, pageUrl: string): string {
  let base: string;
  if (attr && attr.trim()) base = new URL(attr.trim(), pageUrl).href;
  else if (scriptSrc && /\/widget\/[^/]*$/.test(new URL(scriptSrc, pageUrl).pathname))
    base = new URL(scriptSrc, pageUrl).href.replace(/\/widget\/[^/?#]*([?#].*)?$/, '');
  else base = new URL(pageUrl).origin;
  return base.replace(/\/+$/, '');
}

/** The WebSocket URL of an endpoint path under the server base: http → ws, https → wss. */
export function wsUrl(base: string, path: string): string {
  return base.replace(/^http/i, 'ws') + path;
}
