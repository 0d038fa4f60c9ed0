import { el } from '../../../lib/dom';
import { icon } from '../../../lib/icons';
import { renderMarkdown } from '../../../lib/markdown';
import type { Attached, Message, NoticeReason, Offer } from '@parley/protocol';
import type { ChatClient } from '../api/chat-client';
import type { ChatItem, PendingMessage } from '../state/messages';

const OFFER_LABELS: Record<Offer, string> = { agent: 'Talk to a person', offline_form: 'Leave a message' };
const WHO: Record<string, string> = { bot: 'Assistant', system: 'Notice' };

export interface ListActions {
  /** The visitor took an offer of a notice, which gave this reason. */
  offer(offer: Offer, reason?: NoticeReason): void;
  vote(message: Message, helpful: boolean): void;
  /** An object URL for an image of the conversation. */
  image(attachment: Attached): Promise<string>;
}

/**
 * The conversation as a log: the welcome, stored messages in `seq` order, the visitor's messages on their way, and the
 * answer being written. Nodes are kept and reused (keyed by what they show), so that screen readers announce only what
 * is new. Every text goes in as text or through Markdown-lite, never as HTML.
 */
export class MessageList {
  readonly node = el('div', 'list', { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0' });
  private readonly nodes = new Map<string, { signature: string; node: HTMLElement }>();

  constructor(
    private readonly client: ChatClient,
    private readonly actions: ListActions,
  ) {}

  render(): void {
    const c = this.client;
    const list = this.node;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const wanted: HTMLElement[] = [];
    const keep = new Set<string>();
    const use = (key: string, signature: string, build: () => HTMLElement) => {
      keep.add(key);
      let entry = this.nodes.get(key);
      if (!entry || entry.signature !== signature) {
        const node = build();
        entry?.node.replaceWith(node);
        entry = { signature, node };
        this.nodes.set(key, entry);
      }
      wanted.push(entry.node);
    };

    if (c.welcome) use('welcome', c.welcome, () => this.bubble('msg welcome', WHO.bot, c.welcome));
    for (const item of c.messages.items()) use(item.key, signature(item, c), () => this.itemNode(item));
    for (const [id, text] of c.streams) use('stream:' + id, text, () => this.bubble('msg streaming', WHO.bot, text, { 'aria-busy': 'true' }));
    if (c.ended) use('ended', '', () => el('p', 'note', undefined, 'This conversation has ended.'));

    for (const [key, entry] of this.nodes) if (!keep.has(key)) (entry.node.remove(), this.nodes.delete(key));
    wanted.forEach((node, i) => {
      if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
    });
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  private itemNode(item: ChatItem): HTMLElement {
    if (item.kind === 'pending') return this.pendingNode(item.pending);
    const m = item.message;
    const who = m.sender === 'agent' ? m.agentName || 'Agent' : WHO[m.sender];
    const node = this.bubble(`msg from-${m.sender}`, who, m.text, { 'data-seq': String(m.seq) });
    for (const a of m.attachments ?? []) node.append(this.thumbnail(a, m.sender === 'user' ? 'Image you sent' : 'Image'));
    if (m.sender === 'user') node.append(el('span', 'meta', undefined, 'Delivered'));
    const notice = this.client.offers.get(m.seq);
    if (notice && !this.client.ended) {
      const row = el('div', 'actions');
      for (const o of notice.offers) {
        const b = el('button', 'chip', { type: 'button' }, OFFER_LABELS[o] ?? o);
        b.addEventListener('click', () => this.actions.offer(o, notice.reason));
        row.append(b);
      }
      node.append(row);
    }
    const answer = this.client.answers.get(m.seq);
    if (m.sender === 'bot' && answer) {
      const row = el('div', 'actions', { role: 'group', 'aria-label': 'Was this answer helpful?' });
      for (const [helpful, label, shape] of [
        [true, 'Helpful', 'thumbUp'],
        [false, 'Not helpful', 'thumbDown'],
      ] as const) {
        const b = el('button', 'vote', { type: 'button', 'aria-label': label, 'aria-pressed': String(answer.helpful === helpful) });
        b.append(icon(shape, 14));
        b.addEventListener('click', () => this.actions.vote(m, helpful));
        row.append(b);
      }
      node.append(row);
    }
    return node;
  }

  private pendingNode(p: PendingMessage): HTMLElement {
    const node = this.bubble('msg from-user' + (p.failed ? ' failed' : ''), undefined, p.text);
    const state = p.failed ? `Not sent: ${p.failed}` : p.sent ? 'Sent' : this.client.status === 'online' ? 'Sending…' : 'Waiting for the connection…';
    node.append(el('span', 'meta', undefined, state));
    return node;
  }

  private bubble(className: string, who: string | undefined, text: string, attrs?: Record<string, string>): HTMLElement {
    const node = el('div', className, attrs);
    if (who) node.append(el('span', 'who', undefined, who));
    node.append(renderMarkdown(text));
    return node;
  }

  private thumbnail(a: Attached, alt: string): HTMLElement {
    const img = el('img', 'thumb', { alt });
    this.actions.image(a).then(
      (src) => (img.src = src),
      () => (img.alt = alt + ' (could not be loaded)'),
    );
    return img;
  }
}

/** What an item's node shows: when it changes, the node is built anew. */
function signature(item: ChatItem, c: ChatClient): string {
  if (item.kind === 'pending') return `${item.pending.sent}|${item.pending.failed}|${c.status === 'online'}`;
  const seq = item.message.seq;
  return `${c.answers.get(seq)?.helpful}|${c.offers.has(seq) && !c.ended}`;
}
