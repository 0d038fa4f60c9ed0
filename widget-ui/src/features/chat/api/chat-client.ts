import { backoffDelay } from '../../../lib/backoff';
import { randomId } from '../../../lib/ids';
import { store as defaultStorage } from '../../../lib/storage';
import type {
  AckDataMap,
  Envelope,
  ErrorData,
  Message,
  Offer,
  UserMeta,
  VisitorInMap,
  VisitorInType,
  VisitorOutFrame,
} from '../../../lib/protocol';
import { MessageStore, type PendingMessage } from '../state/messages';

/** What the widget keeps in localStorage between page loads. */
export interface StoredSession {
  sessionId: string;
  sessionToken: string;
  lastSeq: number;
  welcomeMessage?: string;
  /** The last messages, so that a reload shows the conversation while `resume` asks only for what is new. */
  messages?: Message[];
}

/** The part of WebSocket the client uses (so that tests can give a fake). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type Status = 'idle' | 'connecting' | 'online' | 'offline';

export interface ChatClientOptions {
  url: string;
  storageKey: string;
  userMeta: () => UserMeta;
  createSocket?: (url: string) => SocketLike;
  storage?: typeof defaultStorage;
  /** Called whenever messages, welcome text, status or the ended flag change. */
  onChange: () => void;
}

type Reply = { ok: (data: never) => void; fail: (e: ErrorData) => void };

const OPEN = 1;

/**
 * The visitor's side of `/ws/chat` (docs/protocol.md): starts or resumes the session, sends messages
 * idempotently (resent with the same `clientMsgId` until acknowledged), and reconnects with backoff.
 */
export class ChatClient {
  readonly messages = new MessageStore();
  readonly offers = new Map<number, Offer[]>();
  welcome = '';
  status: Status = 'idle';
  /** When offline: the time of the next attempt. */
  retryAt = 0;
  /** The session has ended; the next message starts a new one. */
  ended = false;

  private session: StoredSession | null;
  private socket: SocketLike | null = null;
  private ready = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refCounter = 0;
  private readonly replies = new Map<string, Reply>();
  private readonly inFlight = new Set<string>();
  private readonly storage: typeof defaultStorage;

  constructor(private readonly opts: ChatClientOptions) {
    this.storage = opts.storage ?? defaultStorage;
    this.session = this.storage.get<StoredSession>(opts.storageKey);
    if (this.session) {
      this.welcome = this.session.welcomeMessage ?? '';
      for (const m of this.session.messages ?? []) this.messages.add(m);
    }
  }

  get hasSession(): boolean {
    return this.session != null;
  }

  /** Connects if not connected yet. Safe to call any number of times. */
  start(): void {
    if (this.socket || this.timer !== undefined) return;
    this.connect();
  }

  /** Retries at once if waiting to reconnect (e.g. the browser went back online). */
  retryNow(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.connect();
    }
  }

  send(text: string): void {
    const t = text.trim();
    if (!t) return;
    if (this.ended) {
      this.ended = false;
      this.messages.clear();
      this.offers.clear();
      this.welcome = '';
    }
    const id = randomId();
    this.messages.addPending(id, t);
    this.changed();
    if (this.ready && this.session) this.sendUserMessage({ clientMsgId: id, text: t });
    else if (this.ready) this.startSession();
    else this.start();
  }

  // ---- connection --------------------------------------------------------------------------

  private connect(): void {
    this.timer = undefined;
    this.setStatus('connecting');
    let ws: SocketLike;
    try {
      ws = (this.opts.createSocket ?? ((u) => new WebSocket(u) as unknown as SocketLike))(this.opts.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = ws;
    ws.onopen = () => this.handshake();
    ws.onmessage = (ev) => this.receive(ev.data);
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.ready = false;
      this.replies.clear();
      this.inFlight.clear();
      this.scheduleReconnect();
    };
    ws.onerror = () => {
      /* onclose follows */
    };
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(this.attempt++);
    this.retryAt = Date.now() + delay;
    this.setStatus('offline');
    this.timer = setTimeout(() => this.connect(), delay);
  }

  /** Closes the connection for good (tests, or a host page that removes the widget). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ws = this.socket;
    this.socket = null;
    this.ready = false;
    ws?.close(1000);
    this.setStatus('idle');
  }

  private handshake(): void {
    const s = this.session;
    if (!s) {
      // Nothing to resume: a session is created only for a visitor who wants one (the panel opened or a message waits).
      this.startSession();
      return;
    }
    this.request(
      'resume',
      { sessionId: s.sessionId, sessionToken: s.sessionToken, afterSeq: this.messages.lastSeq || s.lastSeq || 0 },
      () => this.becomeReady(),
      (e) => {
        if (e.code === 'session_refused') {
          this.dropSession();
          this.startSession();
        } else this.socket?.close(4000, 'resume failed');
      },
    );
  }

  private startSession(): void {
    this.request(
      'start_session',
      { userMeta: this.opts.userMeta() },
      () => this.becomeReady(),
      () => this.socket?.close(4000, 'start failed'),
    );
  }

  private becomeReady(): void {
    this.ready = true;
    this.attempt = 0;
    this.setStatus('online');
    for (const p of this.messages.unsent()) this.sendUserMessage(p);
  }

  private dropSession(): void {
    this.session = null;
    this.storage.remove(this.opts.storageKey);
    this.messages.clear();
    this.offers.clear();
    this.welcome = '';
  }

  // ---- frames ------------------------------------------------------------------------------

  private sendUserMessage(p: Pick<PendingMessage, 'clientMsgId' | 'text'>): void {
    if (this.inFlight.has(p.clientMsgId)) return;
    this.inFlight.add(p.clientMsgId);
    this.request(
      'user_message',
      { text: p.text, clientMsgId: p.clientMsgId },
      (ack: AckDataMap['user_message']) => {
        this.inFlight.delete(p.clientMsgId);
        this.addMessage(ack.message);
      },
      (e) => {
        this.inFlight.delete(p.clientMsgId);
        if (e.code === 'session_closed' || e.code === 'no_session') {
          // The session is gone: start a new one; becomeReady() sends what is still pending.
          this.markEnded();
          this.ended = false;
          this.messages.clear();
          this.startSession();
        } else this.messages.fail(p.clientMsgId, e.message || 'Not sent');
        this.changed();
      },
    );
  }

  private request<T extends VisitorInType>(
    type: T,
    data: VisitorInMap[T],
    ok: (ack: AckDataMap[T]) => void,
    fail: (e: ErrorData) => void,
  ): void {
    const ws = this.socket;
    if (!ws || ws.readyState !== OPEN) return;
    const ref = 'r' + ++this.refCounter;
    this.replies.set(ref, { ok: ok as (d: never) => void, fail });
    const frame: Envelope<T, VisitorInMap[T]> = { type, data, ref };
    ws.send(JSON.stringify(frame));
  }

  private receive(raw: unknown): void {
    let frame: VisitorOutFrame;
    try {
      frame = JSON.parse(String(raw));
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== 'string') return;
    const reply = frame.ref ? this.replies.get(frame.ref) : undefined;
    if (reply && frame.ref) this.replies.delete(frame.ref);
    switch (frame.type) {
      case 'ack':
        reply?.ok(frame.data as never);
        break;
      case 'error':
        reply?.fail(frame.data);
        break;
      case 'session_started': {
        const d = frame.data;
        this.messages.clear();
        this.offers.clear();
        this.ended = false;
        this.welcome = d.welcomeMessage ?? '';
        this.session = { sessionId: d.sessionId, sessionToken: d.sessionToken, lastSeq: 0, welcomeMessage: this.welcome };
        this.persist();
        break;
      }
      case 'session_resumed':
        for (const m of frame.data.messages ?? []) this.addMessage(m, false);
        this.persist();
        break;
      case 'bot_message':
      case 'agent_message':
        this.addMessage(frame.data.message);
        break;
      case 'system_message':
        if (frame.data.message && frame.data.offers?.length) this.offers.set(frame.data.message.seq, frame.data.offers);
        this.addMessage(frame.data.message);
        break;
      case 'session_ended':
        this.markEnded();
        break;
    }
    this.changed();
  }

  private addMessage(m: Message | undefined, save = true): void {
    if (!m || (this.session && m.sessionId && m.sessionId !== this.session.sessionId)) return;
    this.messages.add(m);
    if (save) this.persist();
  }

  private markEnded(): void {
    this.ended = true;
    this.session = null;
    this.storage.remove(this.opts.storageKey);
  }

  private persist(): void {
    const s = this.session;
    if (!s) return;
    s.lastSeq = Math.max(s.lastSeq, this.messages.lastSeq);
    s.welcomeMessage = this.welcome;
    s.messages = this.messages.recent(100);
    this.storage.set(this.opts.storageKey, s);
  }

  private setStatus(s: Status): void {
    this.status = s;
    this.changed();
  }

  private changed(): void {
    this.opts.onChange();
  }
}
