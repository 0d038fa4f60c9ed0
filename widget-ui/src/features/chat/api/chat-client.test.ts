import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../lib/protocol';
import { ChatClient, type SocketLike } from './chat-client';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { type: string; data: any; ref?: string }[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  push(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  last() {
    return this.sent[this.sent.length - 1];
  }
}

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    get: <T,>(k: string) => (m.has(k) ? (JSON.parse(m.get(k)!) as T) : null),
    set: (k: string, v: unknown) => void m.set(k, JSON.stringify(v)),
    remove: (k: string) => void m.delete(k),
  };
}

const message = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: 'm' + seq, sessionId: 'S1', seq, sender: 'bot', text: 'b' + seq, attachments: [], createdAt: '2026-01-01T00:00:00Z', ...extra,
});

function setup(storage = memoryStorage()) {
  const sockets: FakeSocket[] = [];
  const client = new ChatClient({
    url: 'ws://x/ws/chat',
    storageKey: 'k',
    userMeta: () => ({ page: 'p' }),
    storage,
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    onChange: () => {},
  });
  return { client, sockets, storage };
}

afterEach(() => vi.useRealTimers());

describe('ChatClient', () => {
  it('starts a session, stores it, and shows a sent message only once acked', () => {
    const { client, sockets, storage } = setup();
    client.start();
    const ws = sockets[0];
    ws.open();
    const start = ws.last();
    expect(start.type).toBe('start_session');
    expect(start.data.userMeta.page).toBe('p');
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: 'Hi!' } });
    ws.push({ type: 'ack', ref: start.ref, data: { sessionId: 'S1' } });
    expect(client.welcome).toBe('Hi!');
    expect(storage.get<any>('k')).toMatchObject({ sessionId: 'S1', sessionToken: 'T', lastSeq: 0 });

    client.send('hello');
    const um = ws.last();
    expect(um.type).toBe('user_message');
    expect(um.data.text).toBe('hello');
    expect(client.messages.items()[0].kind).toBe('pending');
    ws.push({ type: 'ack', ref: um.ref, data: { message: message(1, { sender: 'user', text: 'hello', clientMsgId: um.data.clientMsgId }) } });
    ws.push({ type: 'bot_message', data: { message: message(2), suggestions: [], responseType: 'auto_reply' } });
    ws.push({ type: 'bot_message', data: { message: message(2), suggestions: [], responseType: 'auto_reply' } });
    expect(client.messages.items().map((i) => i.key)).toEqual(['s1', 's2']);
    expect(storage.get<any>('k').lastSeq).toBe(2);
  });

  it('resumes after lastSeq, resends unacked messages with the same clientMsgId, and backs off', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    storage.set('k', { sessionId: 'S1', sessionToken: 'T', lastSeq: 4 });
    const { client, sockets } = setup(storage);
    client.start();
    sockets[0].open();
    expect(sockets[0].last()).toMatchObject({ type: 'resume', data: { sessionId: 'S1', sessionToken: 'T', afterSeq: 4 } });
    sockets[0].push({ type: 'session_resumed', data: { sessionId: 'S1', messages: [message(5)] } });
    sockets[0].push({ type: 'ack', ref: sockets[0].last().ref, data: { sessionId: 'S1', lastSeq: 5 } });
    client.send('are you there?');
    const first = sockets[0].last();
    sockets[0].close();
    expect(client.status).toBe('offline');
    vi.advanceTimersByTime(600);
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    expect(sockets[1].last()).toMatchObject({ type: 'resume', data: { afterSeq: 5 } });
    sockets[1].push({ type: 'ack', ref: sockets[1].last().ref, data: { sessionId: 'S1', lastSeq: 5 } });
    expect(sockets[1].last()).toMatchObject({ type: 'user_message', data: { clientMsgId: first.data.clientMsgId } });
  });

  it('starts a new session when resume is refused', () => {
    const storage = memoryStorage();
    storage.set('k', { sessionId: 'OLD', sessionToken: 'T', lastSeq: 9 });
    const { client, sockets } = setup(storage);
    client.start();
    const ws = sockets[0];
    ws.open();
    ws.push({ type: 'error', ref: ws.last().ref, data: { code: 'session_refused', message: 'no' } });
    expect(storage.get('k')).toBeNull();
    expect(ws.last().type).toBe('start_session');
    expect(client.messages.lastSeq).toBe(0);
  });
});
