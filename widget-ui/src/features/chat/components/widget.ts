import { el } from '../../../lib/dom';
import { MAX_TEXT_LENGTH, type Offer } from '../../../lib/protocol';
import type { ChatClient } from '../api/chat-client';
import type { ChatItem } from '../state/messages';
import { CSS } from './styles';

const OFFER_LABELS: Record<Offer, string> = { agent: 'Talk to a human', offline_form: 'Leave a message' };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A speech bubble drawn as SVG: an emoji would depend on the visitor's fonts. */
function bubbleIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}

/**
 * The launcher button and the chat panel. Every piece of message text goes in through
 * `textContent`: nothing a visitor, the assistant or an agent writes is ever parsed as HTML.
 */
export class ChatWidget {
  readonly root = el('div', 'parley-root', { 'data-parley': 'widget' });
  private readonly launcher = el('button', 'parley-launcher', { type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false' });
  private readonly panel = el('div', 'parley-panel', { role: 'dialog', 'aria-label': 'Chat' });
  private readonly status = el('span', 'parley-status', { 'aria-live': 'polite' });
  private readonly list = el('div', 'parley-list', { role: 'log', 'aria-live': 'polite' });
  private readonly welcome = el('div', 'parley-msg parley-msg-welcome');
  private readonly ended = el('div', 'parley-note', undefined, 'This conversation has ended. Write to start a new one.');
  private readonly input = el('input', 'parley-input', {
    type: 'text',
    'aria-label': 'Message',
    placeholder: 'Type a message…',
    maxlength: String(MAX_TEXT_LENGTH),
    autocomplete: 'off',
  });
  private readonly sendButton = el('button', 'parley-send', { type: 'submit' }, 'Send');
  private readonly nodes = new Map<string, HTMLElement>();
  private statusTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly client: ChatClient) {
    const header = el('div', 'parley-header');
    const close = el('button', 'parley-close', { type: 'button', 'aria-label': 'Close chat' }, '\u00D7');
    header.append(el('span', 'parley-title', undefined, 'Chat with us'), this.status, close);

    const form = el('form', 'parley-form');
    form.append(this.input, this.sendButton);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = this.input.value;
      if (!text.trim()) return;
      this.input.value = '';
      this.client.send(text);
      this.input.focus();
    });

    this.panel.hidden = true;
    this.panel.append(header, this.list, form);
    this.launcher.append(bubbleIcon());
    this.root.append(this.panel, this.launcher);
    this.launcher.addEventListener('click', () => this.toggle());
    close.addEventListener('click', () => this.toggle(false));
  }

  mount(parent: HTMLElement = document.body): void {
    if (!document.getElementById('parley-style')) {
      const style = el('style', undefined, { id: 'parley-style' });
      style.textContent = CSS;
      document.head.append(style);
    }
    parent.append(this.root);
    this.render();
  }

  toggle(open = this.panel.hidden): void {
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
    if (open) {
      this.client.start();
      this.render();
      this.input.focus();
    }
  }

  /** Brings the DOM in line with the client's state; existing message nodes are reused, in `seq` order. */
  render(): void {
    const c = this.client;
    this.renderStatus();
    if (this.panel.hidden) return;
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;

    const wanted: HTMLElement[] = [];
    if (c.welcome) {
      this.welcome.textContent = c.welcome;
      wanted.push(this.welcome);
    }
    const seen = new Set<string>();
    for (const item of c.messages.items()) {
      seen.add(item.key);
      let node = this.nodes.get(item.key);
      if (!node) {
        node = this.itemNode(item);
        this.nodes.set(item.key, node);
      } else if (item.kind === 'pending') this.updatePending(node, item);
      wanted.push(node);
    }
    for (const [key, node] of this.nodes) if (!seen.has(key)) (node.remove(), this.nodes.delete(key));
    if (c.ended) wanted.push(this.ended);
    else this.ended.remove();

    wanted.forEach((node, i) => {
      if (this.list.children[i] !== node) this.list.insertBefore(node, this.list.children[i] ?? null);
    });
    while (this.list.children.length > wanted.length) this.list.lastElementChild!.remove();
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  private itemNode(item: ChatItem): HTMLElement {
    if (item.kind === 'pending') {
      const node = el('div', 'parley-msg parley-msg-user parley-msg-pending', undefined, item.pending.text);
      this.updatePending(node, item);
      return node;
    }
    const m = item.message;
    const node = el('div', `parley-msg parley-msg-${m.sender}`, { 'data-seq': String(m.seq) }, m.text);
    const offers = this.client.offers.get(m.seq);
    if (offers?.length) {
      const row = el('div', 'parley-offers');
      for (const o of offers) {
        const b = el('button', undefined, { type: 'button', title: 'coming soon' }, OFFER_LABELS[o] ?? o);
        b.disabled = true;
        row.append(b);
      }
      node.append(row);
    }
    return node;
  }

  private updatePending(node: HTMLElement, item: Extract<ChatItem, { kind: 'pending' }>): void {
    const failed = item.pending.failed;
    node.classList.toggle('parley-msg-failed', !!failed);
    node.title = failed ? `Not sent: ${failed}` : 'Sending…';
  }

  private renderStatus(): void {
    const c = this.client;
    clearInterval(this.statusTimer);
    this.statusTimer = undefined;
    const text = (): string => {
      switch (c.status) {
        case 'online':
          return 'Online';
        case 'connecting':
          return 'Connecting…';
        case 'offline': {
          const s = Math.max(0, Math.ceil((c.retryAt - Date.now()) / 1000));
          return s > 0 ? `Offline, retrying in ${s}s` : 'Reconnecting…';
        }
        default:
          return '';
      }
    };
    this.status.textContent = text();
    if (c.status === 'offline') this.statusTimer = setInterval(() => (this.status.textContent = text()), 1000);
  }
}
