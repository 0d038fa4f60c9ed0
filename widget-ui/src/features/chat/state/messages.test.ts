import { describe, expect, it } from 'vitest';
import type { Message } from '@parley/protocol';
import { MessageStore } from './messages';

const msg = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: 'm' + seq, sessionId: 's', seq, sender: 'bot', text: 't' + seq, attachments: [], createdAt: '2026-01-01T00:00:00Z', ...extra,
});

describe('MessageStore', () => {
  it('orders by seq and drops duplicates', () => {
    const s = new MessageStore();
    expect(s.add(msg(2))).toBe(true);
    expect(s.add(msg(1))).toBe(true);
    expect(s.add(msg(2))).toBe(false);
    expect(s.items().map((i) => i.key)).toEqual(['s1', 's2']);
    expect(s.lastSeq).toBe(2);
  });

  it('keeps pending messages after stored ones until their ack settles them', () => {
    const s = new MessageStore();
    s.addPending('c1', 'hello');
    s.add(msg(1));
    expect(s.items().map((i) => i.key)).toEqual(['s1', 'pc1']);
    s.add(msg(2, { sender: 'user', clientMsgId: 'c1', text: 'hello' }));
    expect(s.items().map((i) => i.key)).toEqual(['s1', 's2']);
    expect(s.unsent()).toEqual([]);
  });

  it('clear forgets stored messages but not pending ones', () => {
    const s = new MessageStore();
    s.add(msg(5));
    s.addPending('c1', 'x');
    s.clear();
    expect(s.lastSeq).toBe(0);
    expect(s.unsent().map((p) => p.clientMsgId)).toEqual(['c1']);
  });
});
