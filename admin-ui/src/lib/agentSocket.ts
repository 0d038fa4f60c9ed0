import {
  AGENT_PATH,
  CLOSE_UNAUTHORIZED,
  type AgentAckData,
  type AgentClientData,
  type AgentClientFrameType,
  type AgentServerData,
  type AgentServerFrameType,
  type ErrorData,
} from '@parley/protocol';
import { session } from './session';
import { text } from './text';

export type Connection = 'connecting' | 'open' | 'reconnecting';

type Handler<K extends AgentServerFrameType> = (data: AgentServerData[K]) => void;

/** An `error` frame answering a request, as a rejection. */
export class FrameError extends Error {
  constructor(readonly error: ErrorData) {
    super(error.message);
  }
}

interface Pending {
  resolve: (data: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The console's one `/ws/agent` socket. After `agent_auth` it joins the feed and then asks every conversation on
 * screen for what it missed (`resumers`: each sends `join_session` after the last seq it holds); after a drop it
 * connects again, with growing pauses, and does the same: what the server stored is shown once and in order. A close
 * with 4401 (expired, revoked, signed out everywhere) ends the sign-in.
 */
class AgentSocket {
  private socket: WebSocket | null = null;
  private token: string | null = null;
  private refs = 0;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly handlers = new Map<string, Set<(data: never) => void>>();
  private readonly connectionListeners = new Set<() => void>();
  private readonly resumers = new Set<() => void>();
  private state: Connection = 'connecting';

  start(token: string): void {
    if (this.token === token) {
      return;
    }
    this.stop();
    this.token = token;
    this.connect();
  }

  stop(): void {
    this.token = null;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
    }
    const closing = this.socket;
    this.socket = null;
    closing?.close(1000, 'signed out');
    this.failPending(text.errors.offline);
  }

  connection(): Connection {
    return this.state;
  }

  onConnection(listener: () => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Called each time the socket is (again) signed in and on the feed, to ask for what was missed. */
  onResume(resume: () => void): () => void {
    this.resumers.add(resume);
    return () => this.resumers.delete(resume);
  }

  on<K extends AgentServerFrameType>(type: K, handler: Handler<K>): () => void {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler as (data: never) => void);
    this.handlers.set(type, set);
    return () => set.delete(handler as (data: never) => void);
  }

  /** Sends a frame with a ref; resolves with its ack's data, rejects with its error (or when the socket is down). */
  request<K extends AgentClientFrameType>(type: K, data: AgentClientData[K]): Promise<AgentAckData[K]> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || this.state !== 'open') {
      return Promise.reject(new Error(text.errors.offline));
    }
    const ref = `c${++this.refs}`;
    return new Promise((resolve, reject) => {
      this.pending.set(ref, { resolve: resolve as (data: unknown) => void, reject });
      socket.send(JSON.stringify({ type, data, ref }));
    });
  }

  private connect(): void {
    const token = this.token;
    if (!token) {
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}${AGENT_PATH}`);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'agent_auth', data: { token }, ref: 'auth' }));
    socket.onmessage = (event) => this.receive(socket, JSON.parse(event.data as string));
    socket.onclose = (event) => this.closed(socket, event);
  }

  private receive(socket: WebSocket, frame: { type: string; data: unknown; ref?: string }): void {
    if (frame.ref === 'auth' && frame.type === 'ack') {
      socket.send(JSON.stringify({ type: 'join_admin_feed', data: {}, ref: 'feed' }));
      return;
    }
    if (frame.ref === 'feed' && frame.type === 'ack') {
      this.retries = 0;
      this.setState('open');
      this.resumers.forEach((resume) => resume());
      return;
    }
    const waiting = frame.ref ? this.pending.get(frame.ref) : undefined;
    if (waiting && frame.ref) {
      this.pending.delete(frame.ref);
      if (frame.type === 'error') {
        waiting.reject(new FrameError(frame.data as ErrorData));
      } else {
        waiting.resolve(frame.data);
      }
      return;
    }
    this.handlers.get(frame.type)?.forEach((handler) => handler(frame.data as never));
  }

  private closed(socket: WebSocket, event: CloseEvent): void {
    if (socket !== this.socket) {
      return;
    }
    this.socket = null;
    this.failPending(text.errors.offline);
    if (event.code === CLOSE_UNAUTHORIZED) {
      this.token = null;
      session.signOut(text.signIn.closed(event.reason));
      return;
    }
    this.setState('reconnecting');
    const pause = Math.min(5_000, 500 * 2 ** this.retries++);
    this.retryTimer = setTimeout(() => this.connect(), pause);
  }

  private failPending(why: string): void {
    this.pending.forEach((waiting) => waiting.reject(new Error(why)));
    this.pending.clear();
  }

  private setState(next: Connection): void {
    this.state = next;
    this.connectionListeners.forEach((listener) => listener());
  }
}

export const agentSocket = new AgentSocket();
