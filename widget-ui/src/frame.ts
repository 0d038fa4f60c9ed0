/**
 * The chat itself, in the frame the loader opens (`/widget/frame.html`): it runs on the Parley server's origin, so the
 * host page's scripts and styles cannot reach the conversation or its token, and the host page cannot be broken by it.
 * Also usable on its own (opened directly, it is a full-page chat).
 *
 * The loader passes in the fragment: `host` (the embedding page's origin, the only one messages go to and come from),
 * `theme` (auto | light | dark), `page` and `referrer` (for the live visitor list), and `preview` in the console's
 * preview: there the chat connects to nobody, keeps nothing, and shows each look the loader passes on.
 */
import { ChatClient } from './features/chat/api/chat-client';
import { ChatView } from './features/chat/components/chat-view';
import { CSS } from './features/chat/components/styles';
import { FRAME_PATH, unwrap, wrap, type FrameMessage, type HostMessage } from './lib/bridge';
import { CHAT_PATH, type WidgetConfig, type WidgetLook } from '@parley/protocol';
import { wsUrl } from './lib/server';
import { accentText, theme } from './lib/theme';
import { usableUser, type PageUser } from './lib/visitor';
import { memoryStore } from './lib/storage';
import { PreviewApi, VisitorApi } from './features/chat/api/visitor-api';
import type { SocketLike } from './features/chat/api/chat-client';

const DEFAULTS: WidgetConfig = {
  title: 'Chat with us',
  color: '#2d5bd3',
  position: 'right',
  launcherText: '',
  logoUrl: null,
  welcomeMessage: '',
  maxAttachmentBytes: 10 * 1024 * 1024,
  open: true,
  agentsOnline: true,
};

/** A socket that never opens. */
const NO_SOCKET: SocketLike = { readyState: 0, send: () => {}, close: () => {}, onopen: null, onmessage: null, onclose: null, onerror: null };

const params = new URLSearchParams(location.hash.slice(1));
const base = location.href.slice(0, location.href.indexOf(FRAME_PATH));
const hostOrigin = params.get('host');
const embedded = window.parent !== window && !!hostOrigin;
const preview = embedded && params.get('preview') === '1';
const user: PageUser = {};

function post(message: FrameMessage): void {
  if (embedded) window.parent.postMessage(wrap(message), hostOrigin!);
}

async function boot(): Promise<void> {
  const api = preview ? new PreviewApi(base) : new VisitorApi(base);
  const config = await api.config().catch(() => DEFAULTS);
  const root = document.documentElement;
  root.dataset.theme = theme(params.get('theme'));
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);

  let view: ChatView | undefined;
  const client = new ChatClient({
    url: wsUrl(base, CHAT_PATH),
    storageKey: 'parley.chat',
    // the preview talks to nobody: whatever the admin does in it, its socket never opens
    ...(preview && { storage: memoryStore(), createSocket: () => NO_SOCKET }),
    userMeta: () => ({
      ...user,
      page: params.get('page') ?? location.href,
      referrer: params.get('referrer') ?? document.referrer,
      locale: navigator.language,
      userAgent: navigator.userAgent,
    }),
    onChange: () => view?.render(),
    onInvited: () => post({ type: 'open' }),
  });
  /** Shows the chat with this look (again, in the preview, for each look the console passes on). */
  const show = (look: WidgetLook): ChatView => {
    root.style.setProperty('--accent', look.color);
    root.style.setProperty('--on-accent', accentText(look.color));
    document.title = look.title;
    const next = new ChatView(client, api, { ...config, ...look }, {
      close: embedded ? () => post({ type: 'close' }) : null,
      unread: (count) => post({ type: 'unread', count }),
      preview,
    });
    if (view) view.node.replaceWith(next.node);
    else document.body.append(next.node);
    // in the preview nothing else draws it: no conversation changes
    if (preview) next.render();
    return next;
  };
  view = show(config);
  addEventListener('online', () => client.retryNow());
  addEventListener('message', (e) => {
    const m = embedded && e.source === window.parent && e.origin === hostOrigin ? unwrap<HostMessage>(e.data) : null;
    if (!m) return;
    if (m.type === 'look') {
      if (preview) view = show(m.look);
    } else if (preview) return;
    else if (m.type === 'shown') view!.setShown(true, m.focus);
    else if (m.type === 'hidden') view!.setShown(false, false);
    else if (m.type === 'user') Object.assign(user, usableUser(m.user));
  });
  if (!preview) client.start();
  if (embedded) post({ type: 'ready' });
  else view.setShown(true, true);
}

void boot();
