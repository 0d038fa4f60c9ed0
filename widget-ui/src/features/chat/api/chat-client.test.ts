import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '@parley/protocol';
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
  lastOf(type: string) {
    return [...this.sent].reverse().find((f) => f.type === type)!;
  }
  ack(type: string, data: object) {
    this.push({ type: 'ack', ref: this.lastOf(type).ref, data });
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

/** A client that had session S1 (nothing seen yet), connected and asking to resume it. */
function connected() {
  const storage = memoryStorage();
  storage.set('k', { session: { sessionId: 'S1', sessionToken: 'T', lastSeq: 0 }, pending: [] });
  const { client, sockets } = setup(storage);
  client.start();
  const ws = sockets[0];
  ws.open();
  return { client, ws };
}

/** The same, resumed: ready to send. */
function resumed() {
  const { client, ws } = connected();
  ws.ack('resume', { sessionId: 'S1', lastSeq: 0 });
  return { client, ws };
}

afterEach(() => vi.useRealTimers());

describe('ChatClient', () => {
  it('tells the agents whether this browser had the widget before', () => {
    const storage = memoryStorage();
    const first = setup(storage);
    first.client.start();
    first.sockets[0].open();
    expect(first.sockets[0].last().data.returning).toBe(false);
    const again = setup(storage);
    again.client.start();
    again.sockets[0].open();
    expect(again.sockets[0].last().data.returning).toBe(true);
  });

  it('announces the visitor, starts a session only when the chat is opened, and shows a message sent, then delivered', () => {
    const { client, sockets, storage } = setup();
    client.start();
    const ws = sockets[0];
    ws.open();
    expect(ws.sent.map((f) => f.type)).toEqual(['visitor_join']);
    expect(ws.last().data.page).toBe('p');
    client.open();
    const start = ws.last();
    expect(start.type).toBe('start_session');
    expect(start.data.userMeta.page).toBe('p');
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: 'Hi!' } });
    ws.ack('start_session', { sessionId: 'S1' });
    expect(client.welcome).toBe('Hi!');
    expect(storage.get<any>('k').session).toMatchObject({ sessionId: 'S1', sessionToken: 'T', lastSeq: 0 });

    client.send('hello');
    const um = ws.last();
    expect(um.type).toBe('user_message');
    expect(um.data.text).toBe('hello');
    const [pending] = client.messages.items();
    expect(pending.kind === 'pending' && pending.pending.sent).toBe(true);
    ws.push({ type: 'ack', ref: um.ref, data: { message: message(1, { sender: 'user', text: 'hello', clientMsgId: um.data.clientMsgId }) } });
    ws.push({ type: 'bot_message', data: { message: message(2), suggestions: ['Prices?'], responseType: 'auto_reply' } });
    ws.push({ type: 'bot_message', data: { message: message(2), suggestions: ['Prices?'], responseType: 'auto_reply' } });
    expect(client.messages.items().map((i) => i.key)).toEqual(['s1', 's2']);
    expect(client.answers.get(2)).toMatchObject({ suggestions: ['Prices?'] });
    expect(storage.get<any>('k').session.lastSeq).toBe(2);
  });

  it('resumes after lastSeq, sends again what was not acknowledged with the same clientMsgId, and backs off', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    storage.set('k', { session: { sessionId: 'S1', sessionToken: 'T', lastSeq: 4 }, pending: [] });
    const { client, sockets } = setup(storage);
    client.start();
    sockets[0].open();
    expect(sockets[0].last()).toMatchObject({ type: 'resume', data: { sessionId: 'S1', sessionToken: 'T', afterSeq: 4 } });
    sockets[0].push({ type: 'session_resumed', data: { sessionId: 'S1', messages: [message(5)] } });
    sockets[0].ack('resume', { sessionId: 'S1', lastSeq: 5 });
    client.send('are you there?');
    const first = sockets[0].last();
    sockets[0].close();
    expect(client.status).toBe('offline');
    vi.advanceTimersByTime(600);
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    expect(sockets[1].last()).toMatchObject({ type: 'resume', data: { afterSeq: 5 } });
    sockets[1].ack('resume', { sessionId: 'S1', lastSeq: 5 });
    expect(sockets[1].last()).toMatchObject({ type: 'user_message', data: { clientMsgId: first.data.clientMsgId } });
  });

  it('keeps a message written while offline across a reload and sends it once connected', () => {
    const storage = memoryStorage();
    storage.set('k', { session: { sessionId: 'S1', sessionToken: 'T', lastSeq: 0 }, pending: [] });
    const before = setup(storage);
    before.client.send('written offline');
    expect(before.sockets[0].sent).toEqual([]);

    const after = setup(storage);
    expect(after.client.messages.unsent().map((p) => p.text)).toEqual(['written offline']);
    after.client.start();
    after.sockets.at(-1)!.open();
    after.sockets.at(-1)!.ack('resume', { sessionId: 'S1', lastSeq: 0 });
    expect(after.sockets.at(-1)!.last()).toMatchObject({ type: 'user_message', data: { text: 'written offline' } });
  });

  it('starts a new session when resume is refused', () => {
    const storage = memoryStorage();
    storage.set('k', { session: { sessionId: 'OLD', sessionToken: 'T', lastSeq: 9 }, pending: [] });
    const { client, sockets } = setup(storage);
    client.start();
    const ws = sockets[0];
    ws.open();
    ws.push({ type: 'error', ref: ws.lastOf('resume').ref, data: { code: 'session_refused', message: 'no' } });
    expect(storage.get('k')).toBeNull();
    expect(ws.last().type).toBe('start_session');
    expect(client.messages.lastSeq).toBe(0);
  });

  it('shows a stream until its stored answer replaces it', () => {
    const { client, sockets } = setup();
    client.open();
    const ws = sockets[0];
    ws.open();
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: '' } });
    ws.push({ type: 'bot_stream', data: { streamId: 'x', delta: 'We open ' } });
    ws.push({ type: 'bot_stream', data: { streamId: 'x', delta: 'at nine.' } });
    expect([...client.streams.values()]).toEqual(['We open at nine.']);
    ws.push({ type: 'bot_message', data: { message: message(1, { text: 'We open at nine.' }), suggestions: [], responseType: 'llm', streamId: 'x' } });
    expect(client.streams.size).toBe(0);
    expect(client.messages.items().map((i) => i.kind === 'message' && i.message.text)).toEqual(['We open at nine.']);
  });

  it('counts down while a person is sought, stops when one joins, and says why when nobody can come', () => {
    vi.useFakeTimers();
    const { client, sockets } = setup();
    client.open();
    const ws = sockets[0];
    ws.open();
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: '' } });
    ws.ack('start_session', { sessionId: 'S1' });
    client.requestAgent();
    ws.ack('request_agent', { sessionId: 'S1', status: 'waiting_agent', waitSeconds: 180 });
    expect(client.waitUntil - Date.now()).toBe(180_000);
    ws.push({ type: 'system_message', data: { message: message(1, { sender: 'system' }), offers: [], event: 'agent_joined', agentName: 'Alex' } });
    expect(client.waitUntil).toBe(0);
    ws.push({ type: 'display_typing', data: { sessionId: 'S1', sender: 'agent', agentName: 'Alex', isTyping: true } });
    expect(client.agentTyping).toBe('Alex');

    client.requestAgent();
    ws.ack('request_agent', { sessionId: 'S1', status: 'active', reason: 'outside_business_hours' });
    expect(client.noAgentReason).toBe('outside_business_hours');
  });

  it('keeps the ended session for its rating and starts anew with the next message', () => {
    const { client, sockets } = setup();
    client.open();
    const ws = sockets[0];
    ws.open();
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: '' } });
    ws.ack('start_session', { sessionId: 'S1' });
    client.end();
    expect(ws.last().type).toBe('end_session');
    ws.push({ type: 'session_ended', data: { sessionId: 'S1' } });
    expect(client.ended).toBe(true);
    expect(client.endedSession).toEqual({ sessionId: 'S1', sessionToken: 'T' });
    client.send('one more thing');
    expect(client.ended).toBe(false);
    expect(ws.last().type).toBe('start_session');
  });

  it('sends feedback on an answer and remembers it', () => {
    const { client, sockets } = setup();
    client.open();
    const ws = sockets[0];
    ws.open();
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: '' } });
    const answer = message(1);
    ws.push({ type: 'bot_message', data: { message: answer, suggestions: [], responseType: 'llm' } });
    client.feedback(answer, false);
    expect(ws.last()).toMatchObject({ type: 'feedback', data: { messageId: 'm1', helpful: false } });
    ws.ack('feedback', { messageId: 'm1', helpful: false });
    expect(client.answers.get(1)?.helpful).toBe(false);
  });

  it('gives the session to a REST call that waits for it, asking for one first', async () => {
    const { client, sockets } = setup();
    const proof = client.sessionProof();
    const ws = sockets[0];
    ws.open();
    expect(ws.last().type).toBe('start_session');
    ws.push({ type: 'session_started', data: { sessionId: 'S9', sessionToken: 'T9', welcomeMessage: '' } });
    await expect(proof).resolves.toEqual({ sessionId: 'S9', sessionToken: 'T9' });
  });

  it('asks for a person once the session is there when the visitor asked before', () => {
    const { client, sockets } = setup();
    client.requestAgent();
    const ws = sockets[0];
    ws.open();
    expect(ws.sent.map((f) => f.type)).not.toContain('request_agent');
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: '' } });
    ws.ack('start_session', { sessionId: 'S1' });
    expect(ws.last().type).toBe('request_agent');
  });

  it('starts one session when the chat opens and a message follows before the server answered', () => {
    const { client, sockets } = setup();
    client.start();
    const ws = sockets[0];
    ws.open();
    client.open();
    client.send('quick first words');
    expect(ws.sent.filter((f) => f.type === 'start_session')).toHaveLength(1);
    ws.push({ type: 'session_started', data: { sessionId: 'S1', sessionToken: 'T', welcomeMessage: '' } });
    ws.ack('start_session', { sessionId: 'S1' });
    expect(ws.last()).toMatchObject({ type: 'user_message', data: { text: 'quick first words' } });
  });

  it('sends one message at a time, in the order written', () => {
    const { client, ws } = resumed();
    client.send('first');
    client.send('second');
    const sent = () => ws.sent.filter((f) => f.type === 'user_message').map((f) => f.data.text);
    expect(sent()).toEqual(['first']);
    const first = ws.lastOf('user_message');
    ws.push({ type: 'ack', ref: first.ref, data: { message: message(1, { sender: 'user', text: 'first', clientMsgId: first.data.clientMsgId }) } });
    expect(sent()).toEqual(['first', 'second']);
  });

  it('keeps a message the server could not store for a moment and sends it again by itself, the next behind it', () => {
    vi.useFakeTimers();
    const { client, ws } = resumed();
    client.send('during the outage');
    const attempt = ws.lastOf('user_message');
    ws.push({ type: 'error', ref: attempt.ref, data: { code: 'unavailable', message: 'try again', retryAfterSeconds: 2 } });
    client.send('written meanwhile');
    const pending = client.messages.items().filter((i) => i.kind === 'pending');
    expect(pending.map((i) => i.kind === 'pending' && [i.pending.text, i.pending.failed ?? null])).toEqual([
      ['during the outage', null],
      ['written meanwhile', null],
    ]);
    expect(ws.sent.filter((f) => f.type === 'user_message')).toHaveLength(1);

    vi.advanceTimersByTime(1_900);
    expect(ws.sent.filter((f) => f.type === 'user_message')).toHaveLength(1);
    vi.advanceTimersByTime(1_100 + 1_000);
    const again = ws.lastOf('user_message');
    expect(again.data).toMatchObject({ text: 'during the outage', clientMsgId: attempt.data.clientMsgId });
    ws.push({ type: 'ack', ref: again.ref, data: { message: message(1, { sender: 'user', text: 'during the outage', clientMsgId: attempt.data.clientMsgId }) } });
    expect(ws.lastOf('user_message').data.text).toBe('written meanwhile');
  });

  it('takes a long replay in pages, each message once', () => {
    const { client, ws } = connected();
    const page = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => message(from + i));
    ws.push({ type: 'session_resumed', data: { sessionId: 'S1', messages: page(1, 100), more: true } });
    ws.push({ type: 'replay', data: { sessionId: 'S1', messages: page(101, 200), more: true } });
    ws.push({ type: 'replay', data: { sessionId: 'S1', messages: page(200, 230), more: false } });
    ws.ack('resume', { sessionId: 'S1', lastSeq: 230 });
    expect(client.messages.items().map((i) => i.key)).toEqual(page(1, 230).map((m) => 's' + m.seq));
    expect(client.messages.lastSeq).toBe(230);
  });
});
