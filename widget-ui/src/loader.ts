/**
 * Parley's loader: the one script a site embeds.
 *
 *   <script async src="https://chat.example.com/widget/parley.js"></script>
 *
 * It draws the launcher button (in a shadow root, so that the page's CSS cannot reach it nor its CSS the page)
 * and opens the chat in a frame served by the Parley server. The frame is loaded once the page is idle (so that the
 * desk sees the visitor and can start a chat with them) or, with `load: "open"`, at the first open only.
 *
 * Settings, from `window.ParleySettings` or the script tag's `data-*` attributes: `server` (default: where the script
 * came from), `theme` (auto | light | dark | host), `position` (left | right; default: the admin's), `load` (idle | open).
 * `preview` is the console's own (`/widget/preview.html`): the widget opens at once, without a conversation, and shows
 * the look that the console (the page's parent, on Parley's origin, and nobody else) posts it.
 * API: `Parley.open()`, `close()`, `toggle()`, `setUser({name, email})`; bundlers call `init(settings)` first.
 */
import { icon } from './lib/icons';
import { FRAME_PATH, unwrap, wrap, type FrameMessage, type HostMessage } from './lib/bridge';
import { WIDGET_CONFIG_PATH, type UserMeta, type WidgetConfig, type WidgetLook, type WidgetPreviewMessage } from '@parley/protocol';
import { serverBase } from './lib/server';
import { accentText } from './lib/theme';

export interface ParleySettings {
  server?: string;
  theme?: 'auto' | 'light' | 'dark' | 'host';
  position?: 'left' | 'right';
  load?: 'idle' | 'open';
  preview?: boolean;
}

export interface ParleyApi {
  open(): void;
  close(): void;
  toggle(): void;
  setUser(user: Pick<UserMeta, 'name' | 'email'>): void;
}

declare global {
  interface Window {
    ParleySettings?: ParleySettings;
    /** The one widget of this page, whichever copy of the loader made it. */
    __parleyWidget?: ParleyApi;
  }
}

const OPEN_KEY = 'parley.open';

const CSS = `
:host{all:initial!important}
.launcher{position:fixed;bottom:20px;z-index:2147483000;display:inline-flex;align-items:center;gap:8px;height:56px;min-width:56px;padding:0 16px;border:0;border-radius:28px;background:var(--accent,#2d5bd3);color:var(--on-accent,#fff);font:600 15px/1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer;justify-content:center}
.launcher:focus-visible{outline:3px solid #f0a500;outline-offset:3px}
.launcher img{width:28px;height:28px;border-radius:50%;object-fit:cover}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#d1242f;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}
.frame{position:fixed;bottom:88px;z-index:2147483001;width:370px;height:600px;max-height:calc(100vh - 108px);border:0;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.3);background:#fff;color-scheme:normal}
.left{left:20px}.right{right:20px}
[hidden]{display:none!important}
@media (max-width:480px){.frame{inset:0;width:100%;height:100%;max-height:none;border-radius:0}.open .launcher{display:none}}
`;

/** Starts the widget once per page: a second call, or a second copy of this script, gives the same one. */
export function init(settings: ParleySettings = {}, script: HTMLScriptElement | null = null): ParleyApi {
  if (window.__parleyWidget) return window.__parleyWidget;
  const base = serverBase(settings.server, script?.src, location.href);
  const serverOrigin = new URL(base).origin;
  const hostNode = document.createElement('div');
  hostNode.setAttribute('data-parley', '');
  const shadow = hostNode.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const wrapper = document.createElement('div');
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  const bubble = icon('bubble', 26);
  /** The launcher's picture: the bubble, or the admin's logo. */
  let mark: Element = bubble;
  launcher.append(bubble);
  const label = document.createElement('span');
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  launcher.append(label, badge);
  wrapper.append(launcher);
  shadow.append(style, wrapper);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-label', 'Open the chat');

  let frame: HTMLIFrameElement | null = null;
  let ready = false;
  let open = false;
  let position: 'left' | 'right' = settings.position ?? 'right';
  const preview = settings.preview === true;
  /** What the page said before the frame was ready, sent in order once it is. */
  const queue: HostMessage[] = [];
  place();

  function place(): void {
    wrapper.className = position + (open ? ' open' : '');
    launcher.className = 'launcher ' + position;
    if (frame) frame.className = 'frame ' + position;
  }

  function send(message: HostMessage): void {
    if (frame && ready) frame.contentWindow?.postMessage(wrap(message), serverOrigin);
    else queue.push(message);
  }

  function ensureFrame(): void {
    if (frame) return;
    frame = document.createElement('iframe');
    frame.title = 'Chat';
    frame.hidden = !open;
    const hash = new URLSearchParams({
      host: location.origin,
      theme: colourScheme(settings.theme),
      page: location.href,
      referrer: document.referrer,
    });
    if (preview) hash.set('preview', '1');
    frame.src = `${base}${FRAME_PATH}#${hash}`;
    wrapper.append(frame);
    place();
  }

  addEventListener('message', (e) => {
    if (preview && e.source === window.parent && e.origin === serverOrigin) {
      const look = unwrap<WidgetPreviewMessage>(e.data);
      if (look?.type === 'look') {
        showLook(look.look);
        send(look);
      }
      return;
    }
    if (!frame || e.source !== frame.contentWindow || e.origin !== serverOrigin) return;
    const m = unwrap<FrameMessage>(e.data);
    if (!m) return;
    if (m.type === 'ready') {
      ready = true;
      for (const q of queue.splice(0)) send(q);
    } else if (m.type === 'close') {
      api.close();
      launcher.focus();
    } else if (m.type === 'open') api.open();
    else if (m.type === 'unread') {
      badge.hidden = !m.count;
      badge.textContent = String(m.count);
      launcher.setAttribute('aria-label', m.count ? `Open the chat, ${m.count} new` : 'Open the chat');
    }
  });

  function show(shown: boolean, focus: boolean): void {
    open = shown;
    try {
      if (preview) {
        /* the preview leaves the page's storage alone */
      } else if (shown) sessionStorage.setItem(OPEN_KEY, '1');
      else sessionStorage.removeItem(OPEN_KEY);
    } catch {
      /* storage blocked: the panel just starts closed */
    }
    ensureFrame();
    frame!.hidden = !shown;
    place();
    launcher.setAttribute('aria-expanded', String(shown));
    launcher.setAttribute('aria-label', shown ? 'Close the chat' : 'Open the chat');
    send(shown ? { type: 'shown', focus } : { type: 'hidden' });
    if (shown && focus) frame!.focus();
  }

  const api: ParleyApi = {
    open: () => show(true, true),
    close: () => show(false, false),
    toggle: () => show(!open, true),
    setUser: (user) => send({ type: 'user', user }),
  };
  launcher.addEventListener('click', () => api.toggle());
  window.__parleyWidget = api;

  const mount = () => {
    document.body.append(hostNode);
    let reopen = preview;
    try {
      reopen ||= sessionStorage.getItem(OPEN_KEY) === '1';
    } catch {
      /* no storage */
    }
    if (reopen) show(true, false);
    else if (settings.load !== 'open') whenIdle(ensureFrame);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });

  function showLook(look: WidgetLook): void {
    hostNode.style.setProperty('--accent', look.color);
    hostNode.style.setProperty('--on-accent', accentText(look.color));
    position = settings.position ?? look.position;
    place();
    label.textContent = look.launcherText;
    let next: Element = bubble;
    if (look.logoUrl) {
      const logo = document.createElement('img');
      // an uploaded logo's address is a path on the Parley server
      logo.src = new URL(look.logoUrl, base).href;
      logo.alt = '';
      next = logo;
    }
    if (next !== mark) mark.replaceWith(next);
    mark = next;
  }

  // the preview waits for the look the console is editing
  if (!preview) {
    fetch(base + WIDGET_CONFIG_PATH)
      .then((r) => (r.ok ? (r.json() as Promise<WidgetConfig>) : null))
      .then((config) => config && showLook(config))
      .catch(() => {
        /* the launcher keeps its default look */
      });
  }
  return api;
}

/** The theme the frame should use; `host` follows the page's own colour scheme (or its dark background). */
function colourScheme(requested: ParleySettings['theme']): string {
  if (requested !== 'host') return requested ?? 'auto';
  const scheme = document.querySelector<HTMLMetaElement>('meta[name=color-scheme]')?.content || getComputedStyle(document.documentElement).colorScheme || '';
  return /dark/.test(scheme) && !/light/.test(scheme) ? 'dark' : 'light';
}

function whenIdle(task: () => void): void {
  const later = () => ('requestIdleCallback' in window ? requestIdleCallback(task, { timeout: 3000 }) : setTimeout(task, 1000));
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}

export const open = (): void => window.__parleyWidget?.open();
export const close = (): void => window.__parleyWidget?.close();
export const toggle = (): void => window.__parleyWidget?.toggle();
export const setUser = (user: Pick<UserMeta, 'name' | 'email'>): void => window.__parleyWidget?.setUser(user);

// The script tag of parley.js starts the widget by itself; a bundle that imports the module calls init().
const script = document.currentScript as HTMLScriptElement | null;
if (script && /\/parley\.js([?#]|$)/.test(script.src)) {
  const data = script.dataset;
  init(
    {
      ...window.ParleySettings,
      ...(data.server && { server: data.server }),
      ...(data.theme && { theme: data.theme as ParleySettings['theme'] }),
      ...(data.position && { position: data.position as ParleySettings['position'] }),
      ...(data.load && { load: data.load as ParleySettings['load'] }),
      ...(data.preview !== undefined && { preview: true }),
    },
    script,
  );
}
