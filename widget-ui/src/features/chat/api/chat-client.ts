import { backoffDelay } from '../../../lib/backoff';
import { randomId } from '../../../lib/ids';
import { store as defaultStorage } from '../../../lib/storage';
import type {
  Envelope,
  ErrorData,
  Message,
  NoticeReason,
  Offer,
  RequestAgentAck,
  SystemMessageData,
  UserMeta,
  VisitorAckData,
  VisitorClientData,
  VisitorClientFrameType,
  VisitorServerFrame,
} from '@parley/protocol';
import { MessageStore, type PendingMessage } from '../state/messages';

/** A session's id and token: what the visitor's REST calls (images, rating, offline form) prove it with. */
export interface Credentials {
  sessionId: string;
  sessionToken: string;
}

/** What the widget keeps in localStorage between page loads. */
export interface StoredSession extends Credentials {
  lastSeq: number;
  welcomeMessage?: string;
  /** The last messages, so that a reload shows the conversation while `resume` asks only for what is new. */
  messages?: Message[];
  /** Suggestions and response types of the assistant's answers, by seq. */
  answers?: [number, Answer][];
  /** When the visitor's countdown for a person runs out (epoch ms). */
  waitUntil?: number;
  /** The agent who took the conversation up. */
  agent?: string;
}

export interface Offers {
  offers: Offer[];
  reason?: NoticeReason;
}

/** What the visitor keeps of one of the assistant's answers. */
export interface Answer {
  suggestions: string[];
  helpful?: boolean;
}

interface StoredState {
  session: StoredSession | null;
  /** Messages written and not yet acknowledged: sent again after a reload. */
  pending: Pick<PendingMessage, 'clientMsgId' | 'text' | 'attachmentUrl'>[];
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
  /** Called whenever anything the visitor sees changes. */
  onChange: () => void;
  /** An agent started a conversation with this visitor. */
  onInvited?: () => void;
}

type Reply = { ok: (data: never) => void; fail: (e: ErrorData) => void };

const OPEN = 1;

/**
 * The visitor's side of `/ws/chat` (docs/protocol.md): announces the visitor, starts or resumes the session, sends
 * messages idempotently (again with the same `clientMsgId` until acknowledged, also after a reload), follows the
 * assistant's streams, the request for a person and its countdown, and reconnects with backoff.
 */
export class ChatClient {
  readonly messages = new MessageStore();
  /** What a notice offers the visitor (a person, the offline form), and why, by the notice's seq. */
  readonly offers = new Map<number, Offers>();
  readonly answers = new Map<number, Answer>();
  /** The answers being written now, by stream id. */
  readonly streams = new Map<string, string>();
  welcome = '';
  status: Status = 'idle';
  /** The session has ended; the next message starts a new one. */
  ended = false;
  /** The session that ended last, for its rating. */
  endedSession: Credentials | null = null;
  /** While someone is sought: when the countdown runs out (epoch ms). */
  waitUntil = 0;
  /** Why nobody can come, once that is known (the offline form is offered). */
  noAgentReason: NoticeReason | null = null;
  /** Why the last request for a person was refused (write_first, rate_limited), until the visitor writes again. */
  requestRefused: string | null = null;
  /** The name of the agent who is writing, while they are. */
  agentTyping: string | null = null;
  /** The agent who took the conversation up, once one has. */
  agent: string | null = null;

  private session: StoredSession | null;
  private wanted = false;
  /** A person was asked for before the session was there. */
  private agentWanted = false;
  /** A start_session is on its way on this connection. */
  private starting = false;
  private socket: SocketLike | null = null;
  private ready = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The visitor's message on its way (one at a time, so that they are stored in the order written). */
  private inFlight: string | null = null;
  /** While the server is unavailable: when the waiting messages go out again, and how often that failed. */
  private resendTimer: ReturnType<typeof setTimeout> | undefined;
  private resendAttempt = 0;
  private refCounter = 0;
  private readonly replies = new Map<string, Reply>();
  private readonly sessionWaiters = new Set<(c: Credentials) => void>();
  private readonly storage: typeof defaultStorage;
  /** Whether this browser had the widget before this page (told to the agents' list of live visitors). */
  private readonly returning: boolean;

  constructor(private readonly opts: ChatClientOptions) {
    this.storage = opts.storage ?? defaultStorage;
    const seenKey = `${opts.storageKey}.seen`;
    this.returning = this.storage.get<boolean>(seenKey) === true;
    this.storage.set(seenKey, true);
    const state = this.storage.get<StoredState>(opts.storageKey);
    this.session = state?.session ?? null;
    for (const p of state?.pending ?? []) this.messages.addPending(p.clientMsgId, p.text, p.attachmentUrl);
    if (this.session) {
      this.welcome = this.session.welcomeMessage ?? '';
      for (const m of this.session.messages ?? []) this.messages.add(m);
      for (const [seq, a] of this.session.answers ?? []) this.answers.set(seq, a);
      this.agent = this.session.agent ?? null;
      this.waitUntil = this.session.waitUntil ?? 0;
    }
  }

  get hasSession(): boolean {
    return this.session != null;
  }

  get credentials(): Credentials | null {
    return this.session && { sessionId: this.session.sessionId, sessionToken: this.session.sessionToken };
  }

  /** The session's id and token once there is one; asks for one if need be. Fails if none comes within the time. */
  sessionProof(timeoutMs = 15_000): Promise<Credentials> {
    const now = this.credentials;
    if (now) return Promise.resolve(now);
    this.open();
    return new Promise((resolve, reject) => {
      const waiter = (c: Credentials) => {
        clearTimeout(timer);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.sessionWaiters.delete(waiter);
        reject(new Error('The chat is not connected.'));
      }, timeoutMs);
      this.sessionWaiters.add(waiter);
    });
  }

  /** Connects if not connected yet (announcing the visitor; a session is created only once one is wanted). */
  start(): void {
    if (this.socket || this.timer !== undefined) return;
    this.connect();
  }

  /** The visitor opened the chat: a session (and its welcome message) is wanted now. */
  open(): void {
    this.wanted = true;
    if (this.ready && !this.session && !this.ended) this.startSession();
    this.start();
  }

  /** Retries at once if waiting to reconnect (e.g. the browser went back online). */
  retryNow(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.connect();
    }
  }

  /** Sends a message (with an image sent before, if any); shown at once, delivered when the server acknowledges it. */
  send(text: string, attachmentUrl?: string): void {
    this.requestRefused = null;
    const t = text.trim();
    if (!t) return;
    if (this.ended) this.startOver();
    const id = randomId();
    this.messages.addPending(id, t, attachmentUrl);
    this.wanted = true;
    this.persist();
    this.changed();
    if (this.ready && this.session) this.sendNext();
    else if (this.ready) this.startSession();
    else this.start();
  }

  /** Asks for a person (as soon as there is a session); the countdown starts with the server's answer. */
  requestAgent(): void {
    this.noAgentReason = null;
    this.requestRefused = null;
    if (this.ready && this.session)
      this.request('request_agent', {}, (ack) => this.onAgentRequested(ack), (e) => {
        this.requestRefused = e.code;
        this.changed();
      });
    else {
      this.agentWanted = true;
      this.open();
    }
    this.changed();
  }

  /** Thumbs up or down on one of the assistant's answers; again replaces it. */
  feedback(message: Message, helpful: boolean): void {
    const answer = this.answers.get(message.seq);
    if (!answer) return;
    this.request(
      'feedback',
      { messageId: message.id, helpful },
      () => {
        answer.helpful = helpful;
        this.persist();
        this.changed();
      },
      () => {},
    );
  }

  typing(isTyping: boolean): void {
    if (this.session) this.request(isTyping ? 'typing_start' : 'typing_stop', {}, () => {}, () => {});
  }

  /** Ends the conversation; the rating is asked for next. */
  end(): void {
    this.request('end_session', {}, () => {}, () => {});
  }

  /** Forgets the ended conversation: the next message starts a new one. */
  startOver(): void {
    this.ended = false;
    this.endedSession = null;
    this.messages.clear();
    this.clearConversation();
    this.changed();
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
      this.starting = false;
      this.replies.clear();
      this.messages.unmarkSent();
      this.inFlight = null;
      this.agentTyping = null;
      this.streams.clear();
      this.scheduleReconnect();
    };
    ws.onerror = () => {
      /* onclose follows */
    };
  }

  private scheduleReconnect(): void {
    this.setStatus('offline');
    this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempt++));
  }

  private handshake(): void {
    const meta = this.opts.userMeta();
    this.request('visitor_join', { page: meta.page, referrer: meta.referrer, returning: this.returning }, () => {}, () => {});
    const s = this.session;
    if (!s) {
      if (this.wanted || this.messages.unsent().length) this.startSession();
      else this.becomeReady();
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

  /** Starts a session unless one is being started on this connection already (the chat opened, then a message). */
  private startSession(): void {
    if (this.starting) return;
    this.starting = this.request(
      'start_session',
      { userMeta: this.opts.userMeta() },
      () => {
        this.starting = false;
        this.becomeReady();
      },
      () => this.socket?.close(4000, 'start failed'),
    );
  }

  private becomeReady(): void {
    this.ready = true;
    this.attempt = 0;
    this.setStatus('online');
    if (!this.session) return;
    clearTimeout(this.resendTimer);
    this.resendTimer = undefined;
    this.sendNext();
    if (this.agentWanted) {
      this.agentWanted = false;
      this.requestAgent();
    }
  }

  private dropSession(): void {
    this.session = null;
    this.messages.clear();
    this.clearConversation();
    this.persist();
  }

  private clearConversation(): void {
    this.offers.clear();
    this.answers.clear();
    this.streams.clear();
    this.welcome = '';
    this.waitUntil = 0;
    this.noAgentReason = null;
    this.agentTyping = null;
    this.agent = null;
  }

  // ---- frames ------------------------------------------------------------------------------

  /**
   * Sends the oldest message not acknowledged yet, unless one is on its way or the server asked to wait: one at a time,
   * so they are stored in the order written. Each keeps its clientMsgId, so sending it again never stores it twice.
   */
  private sendNext(): void {
    if (!this.ready || !this.session || this.inFlight || this.resendTimer !== undefined) return;
    const p = this.messages.unsent()[0];
    if (!p) return;
    const sent = this.request(
      'user_message',
      { text: p.text, clientMsgId: p.clientMsgId, ...(p.attachmentUrl ? { attachmentUrl: p.attachmentUrl } : {}) },
      (ack: VisitorAckData['user_message']) => {
        this.inFlight = null;
        this.resendAttempt = 0;
        this.addMessage(ack.message);
        this.sendNext();
      },
      (e) => {
        this.inFlight = null;
        this.messages.markSent(p.clientMsgId, false);
        if (e.code === 'unavailable' || e.code === 'rate_limited') {
          // passing (the server, or a limit a fast typist may touch): it stays "sending" and goes out again, with the ones behind it
          const wait = Math.max((e.retryAfterSeconds ?? 0) * 1000, backoffDelay(this.resendAttempt++, 1000));
          this.resendTimer = setTimeout(() => {
            this.resendTimer = undefined;
            this.sendNext();
          }, wait);
        } else if (e.code === 'session_closed' || e.code === 'no_session') {
          // The session is gone: start a new one; becomeReady() sends what is still pending.
          this.session = null;
          this.messages.clear();
          this.clearConversation();
          this.startSession();
        } else {
          this.messages.fail(p.clientMsgId, e.message || 'Not sent');
          this.sendNext();
        }
        this.persist();
        this.changed();
      },
    );
    if (sent) {
      this.inFlight = p.clientMsgId;
      this.messages.markSent(p.clientMsgId);
    }
  }

  private request<T extends VisitorClientFrameType>(
    type: T,
    data: VisitorClientData[T],
    ok: (ack: VisitorAckData[T]) => void,
    fail: (e: ErrorData) => void,
  ): boolean {
    const ws = this.socket;
    if (!ws || ws.readyState !== OPEN) return false;
    const ref = 'r' + ++this.refCounter;
    this.replies.set(ref, { ok: ok as (d: never) => void, fail });
    const frame: Envelope<T, VisitorClientData[T]> = { type, data, ref };
    ws.send(JSON.stringify(frame));
    return true;
  }

  private receive(raw: unknown): void {
    let frame: VisitorServerFrame;
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
        this.clearConversation();
        this.ended = false;
        this.welcome = d.welcomeMessage ?? '';
        this.bind({ sessionId: d.sessionId, sessionToken: d.sessionToken });
        break;
      }
      case 'agent_initiated_chat': {
        // An agent opened a conversation with this visitor: follow it instead of the one before.
        const d = frame.data;
        this.messages.clear();
        this.clearConversation();
        this.ended = false;
        this.bind({ sessionId: d.sessionId, sessionToken: d.sessionToken });
        this.addMessage(d.message);
        this.request('resume', { sessionId: d.sessionId, sessionToken: d.sessionToken, afterSeq: this.messages.lastSeq }, () => {}, () => {});
        this.opts.onInvited?.();
        break;
      }
      case 'session_resumed':
      case 'replay':
        for (const m of frame.data.messages ?? []) this.addMessage(m, false);
        this.persist();
        break;
      case 'bot_stream': {
        const d = frame.data;
        this.streams.set(d.streamId, (this.streams.get(d.streamId) ?? '') + d.delta);
        break;
      }
      case 'bot_message': {
        const d = frame.data;
        // A stored answer replaces its own stream, and any stream that broke off before it.
        this.streams.clear();
        if (d.message) this.answers.set(d.message.seq, { suggestions: d.suggestions ?? [] });
        this.addMessage(d.message);
        break;
      }
      case 'agent_message':
        this.agentTyping = null;
        this.waitUntil = 0;
        this.agent = frame.data.message?.agentName || 'An agent';
        this.addMessage(frame.data.message);
        break;
      case 'system_message':
        this.onNotice(frame.data);
        break;
      case 'display_typing':
        this.agentTyping = frame.data.isTyping ? frame.data.agentName || 'An agent' : null;
        break;
      case 'session_ended':
        this.markEnded();
        break;
    }
    this.changed();
  }

  private bind(c: Credentials): void {
    this.session = { ...c, lastSeq: 0 };
    this.persist();
    for (const waiter of this.sessionWaiters) waiter(c);
    this.sessionWaiters.clear();
  }

  private onAgentRequested(ack: RequestAgentAck): void {
    if (ack.waitSeconds) this.waitUntil = Date.now() + ack.waitSeconds * 1000;
    if (ack.reason) this.noAgentReason = ack.reason;
    this.persist();
    this.changed();
  }

  private onNotice(d: SystemMessageData): void {
    if (d.message && d.offers?.length) this.offers.set(d.message.seq, { offers: d.offers, reason: d.reason });
    if (d.event === 'agent_joined') {
      this.waitUntil = 0;
      this.agent = d.agentName || 'An agent';
    }
    else if (d.waitSeconds) this.waitUntil = Date.now() + d.waitSeconds * 1000;
    if (d.reason && d.reason !== 'assistant_unavailable') {
      this.waitUntil = 0;
      this.noAgentReason = d.reason;
    }
    this.addMessage(d.message);
  }

  private addMessage(m: Message | undefined, save = true): void {
    if (!m || (this.session && m.sessionId && m.sessionId !== this.session.sessionId)) return;
    this.messages.add(m);
    if (save) this.persist();
  }

  private markEnded(): void {
    this.ended = true;
    this.endedSession = this.credentials;
    this.session = null;
    this.waitUntil = 0;
    this.agentTyping = null;
    this.persist();
  }

  private persist(): void {
    const s = this.session;
    if (s) {
      s.lastSeq = Math.max(s.lastSeq, this.messages.lastSeq);
      s.welcomeMessage = this.welcome;
      s.messages = this.messages.recent(100);
      s.answers = [...this.answers].filter(([seq]) => this.messages.get(seq));
      s.waitUntil = this.waitUntil || undefined;
      s.agent = this.agent ?? undefined;
    }
    const pending = this.messages.unsent().map(({ clientMsgId, text, attachmentUrl }) => ({ clientMsgId, text, attachmentUrl }));
    if (!s && !pending.length) this.storage.remove(this.opts.storageKey);
    else this.storage.set(this.opts.storageKey, { session: s, pending } satisfies StoredState);
  }

  private setStatus(s: Status): void {
    this.status = s;
    this.changed();
  }

  private changed(): void {
    this.opts.onChange();
  }
}
