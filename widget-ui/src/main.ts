/**
 * Parley chat widget. Embed with one script tag:
 *
 *   <script src="https://chat.example.com/widget/parley-widget.umd.js" data-parley-server="https://chat.example.com"></script>
 *
 * `data-parley-server` is optional: without it the server is the one the script came from (its URL without
 * `/widget/...`). Bundlers can import the ES build and call `init({ server })` instead.
 */
import { ChatClient } from './features/chat/api/chat-client';
import { ChatWidget } from './features/chat/components/widget';
import { CHAT_PATH } from './lib/protocol';
import { serverBase, wsUrl } from './lib/server';

export interface ParleyOptions {
  /** Base URL of the Parley server (with its context root); default: the page's origin. */
  server?: string;
  /** Where to mount the widget; default: document.body. */
  parent?: HTMLElement;
}

export interface ParleyWidget {
  client: ChatClient;
  widget: ChatWidget;
  open(): void;
  close(): void;
}

export const version = '0.1.0';

let instance: ParleyWidget | undefined;

/** Mounts the widget (once per page; later calls return the same instance). */
export function init(options: ParleyOptions = {}): ParleyWidget {
  if (instance) return instance;
  const base = serverBase(options.server, null, location.href);
  let widget: ChatWidget | undefined;
  const client = new ChatClient({
    url: wsUrl(base, CHAT_PATH),
    storageKey: 'parley.session:' + base,
    userMeta: () => ({
      page: location.href,
      referrer: document.referrer,
      locale: navigator.language,
      userAgent: navigator.userAgent,
    }),
    onChange: () => widget?.render(),
  });
  widget = new ChatWidget(client);
  widget.mount(options.parent);
  // A visitor with a conversation gets its new messages at once; others connect when they open the panel.
  if (client.hasSession) client.start();
  addEventListener('online', () => client.retryNow());
  const w = widget;
  instance = { client, widget: w, open: () => w.toggle(true), close: () => w.toggle(false) };
  return instance;
}

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return (
    document.querySelector<HTMLScriptElement>('script[data-parley-server]') ??
    document.querySelector<HTMLScriptElement>('script[src*="parley-widget"]')
  );
}

// Loaded by a script tag: start by itself. Imported by a bundler (no such tag): wait for init().
const script = typeof document !== 'undefined' ? ownScript() : null;
if (script) {
  const server = serverBase(script.getAttribute('data-parley-server'), script.src, location.href);
  const boot = () => init({ server });
  if (document.body) boot();
  else document.addEventListener('DOMContentLoaded', boot, { once: true });
}
