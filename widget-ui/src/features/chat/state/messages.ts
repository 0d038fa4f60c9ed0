import type { Message } from '@parley/protocol';

/** A visitor's message that the server has not acknowledged yet (or refused). */
export interface PendingMessage {
  clientMsgId: string;
  text: string;
  attachmentUrl?: string;
  /** Written to the socket (and not acknowledged yet). */
  sent?: boolean;
  failed?: string;
}

export type ChatItem =
  | { key: string; kind: 'message'; message: Message }
  | { key: string; kind: 'pending'; pending: PendingMessage };

/**
 * The conversation as the visitor sees it: stored messages de-duplicated and ordered by `seq`,
 * followed by the visitor's own messages that are still waiting for their `ack`.
 */
export class MessageStore {
  private readonly bySeq = new Map<number, Message>();
  private readonly pending = new Map<string, PendingMessage>();
  private maxSeq = 0;

  /** The highest `seq` seen: what `resume` asks to continue after. */
  get lastSeq(): number {
    return this.maxSeq;
  }

  /** Adds a stored message; returns false if it was already there. Settles the pending message it confirms. */
  add(message: Message): boolean {
    if (message.clientMsgId) this.pending.delete(message.clientMsgId);
    if (typeof message.seq !== 'number' || this.bySeq.has(message.seq)) return false;
    this.bySeq.set(message.seq, message);
    if (message.seq > this.maxSeq) this.maxSeq = message.seq;
    return true;
  }

  addPending(clientMsgId: string, text: string, attachmentUrl?: string): void {
    this.pending.set(clientMsgId, { clientMsgId, text, attachmentUrl });
  }

  markSent(clientMsgId: string, sent = true): void {
    const p = this.pending.get(clientMsgId);
    if (p) p.sent = sent;
  }

  /** The connection dropped: nothing pending is on its way any more. */
  unmarkSent(): void {
    for (const p of this.pending.values()) p.sent = false;
  }

  /** The stored message with this seq, if any. */
  get(seq: number): Message | undefined {
    return this.bySeq.get(seq);
  }

  fail(clientMsgId: string, reason: string): void {
    const p = this.pending.get(clientMsgId);
    if (p) p.failed = reason;
  }

  /** Pending messages that may still be (re)sent, oldest first. */
  unsent(): PendingMessage[] {
    return [...this.pending.values()].filter((p) => !p.failed);
  }

  items(): ChatItem[] {
    const stored = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
    return [
      ...stored.map((m): ChatItem => ({ key: 's' + m.seq, kind: 'message', message: m })),
      ...[...this.pending.values()].map((p): ChatItem => ({ key: 'p' + p.clientMsgId, kind: 'pending', pending: p })),
    ];
  }

  /** The last `limit` stored messages, for the local cache. */
  recent(limit = 200): Message[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-limit);
  }

  /** Forgets the stored messages (a new session numbers from 1 again); pending messages stay, to be sent in it. */
  clear(): void {
    this.bySeq.clear();
    this.maxSeq = 0;
  }
}
