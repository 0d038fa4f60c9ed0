import { el } from '../../../lib/dom';
import { icon } from '../../../lib/icons';
import { imageType } from '../../../lib/images';
import { MAX_TEXT_LENGTH, type Offer, type WidgetConfig } from '@parley/protocol';
import type { VisitorApi } from '../api/visitor-api';
import type { ChatClient } from '../api/chat-client';
import { Banner } from './banner';
import { MessageList } from './message-list';
import { OfflineForm } from './offline-form';
import { RatingForm } from './rating-form';

/** What fills the bottom of the panel: the composer, the offline form or the rating. */
type Mode = 'chat' | 'offline' | 'rating';

const TYPING_IDLE_MS = 3000;

const REASONS: Record<string, string> = {
  outside_business_hours: 'We are outside our opening hours right now.',
  no_agent_online: 'Nobody from our team is available right now.',
  no_agent_answered: 'Nobody from our team could answer in time.',
  assistant_unavailable: 'Our assistant cannot answer right now.',
};
/** Why a request for a person was refused, by the server's code. */
const REFUSED: Record<string, string> = {
  write_first: 'Tell us in a message what you need first, then ask for a person.',
  rate_limited: 'You have asked for a person several times already; please wait a moment.',
};
const LEAVE_A_MESSAGE = 'Leave your message and e-mail address, and we will answer by e-mail.';

export interface ChatViewHost {
  /** The visitor closed the panel (null when the chat is not in a frame: nothing to close). */
  close: (() => void) | null;
  /** The number of messages the visitor has not seen changed. */
  unread(count: number): void;
  /** The console's preview: it connects to nobody, so it says so rather than a connection's state. */
  preview?: boolean;
}

/**
 * The chat panel inside the frame: header, the conversation, suggestions and typing, the request for a person with its
 * countdown, the composer with images, and the offline form and rating in its place when they are due.
 */
export class ChatView {
  readonly node = el('div', 'panel');
  private readonly status = el('span', 'status', { 'aria-live': 'polite' });
  private readonly banner = new Banner();
  private readonly list: MessageList;
  private readonly typingLine = el('div', 'typing', { 'aria-live': 'polite' });
  private readonly suggestions = el('div', 'suggestions', { role: 'group', 'aria-label': 'Suggested questions' });
  private readonly tools = el('div', 'tools');
  private readonly askPerson = el('button', 'link', { type: 'button' }, 'Talk to a person');
  private readonly endChat = el('button', 'icon', { type: 'button', 'aria-label': 'End the conversation' }, 'End chat');
  private readonly leaveMessage = el('button', 'link', { type: 'button' }, 'Leave a message');
  private readonly composer = el('form', 'composer');
  private readonly input = el('textarea', undefined, { rows: '1', 'aria-label': 'Message', placeholder: 'Write a message…', maxlength: String(MAX_TEXT_LENGTH) });
  private readonly file = el('input', 'sr-only', { type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', tabindex: '-1', 'aria-hidden': 'true' });
  private readonly problem = el('p', 'error', { role: 'alert' });
  private readonly offline: OfflineForm;
  private readonly rating: RatingForm;
  private mode: Mode = 'chat';
  private shown = false;
  /** Messages up to here were seen (those kept from an earlier visit were). */
  private seenSeq: number;
  private unread = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private offeredFor: string | null = null;
  private ratedSession: string | null = null;
  private shownRefusal: string | null = null;

  constructor(
    private readonly client: ChatClient,
    private readonly api: VisitorApi,
    private readonly config: WidgetConfig,
    private readonly host: ChatViewHost,
  ) {
    this.seenSeq = client.messages.lastSeq;
    this.list = new MessageList(client, {
      offer: (o, reason) => this.offer(o, reason),
      vote: (m, helpful) => client.feedback(m, helpful),
      image: (a) => (client.credentials ? api.image(a.url, client.credentials) : Promise.reject(new Error('no session'))),
    });
    this.offline = new OfflineForm(
      async (ticket) => {
        const proof = client.credentials ?? client.endedSession;
        await api.ticket({ ...ticket, ...(proof ?? {}) });
        this.setMode('chat');
        this.banner.say('Thank you: we got your message and will answer by e-mail.');
      },
      () => this.setMode('chat'),
    );
    this.rating = new RatingForm(
      async (rating) => {
        const ended = client.endedSession;
        if (ended) await api.rate(rating, ended);
        this.ratedSession = ended?.sessionId ?? null;
        this.setMode('chat');
        this.banner.say('Thank you for your rating.');
      },
      () => {
        this.ratedSession = client.endedSession?.sessionId ?? null;
        this.setMode('chat');
      },
    );
    this.build();
  }

  private build(): void {
    const header = el('div', 'header');
    if (this.config.logoUrl) header.append(el('img', undefined, { src: this.config.logoUrl, alt: '' }));
    const title = el('div', 'title');
    title.append(el('h1', undefined, undefined, this.config.title), this.status);
    this.endChat.addEventListener('click', () => this.client.end());
    header.append(title, this.endChat);
    if (this.host.close) {
      const close = el('button', 'icon close', { type: 'button', 'aria-label': 'Close the chat' }, '\u00D7');
      close.addEventListener('click', () => this.host.close?.());
      header.append(close);
    }

    this.askPerson.addEventListener('click', () => this.client.requestAgent());
    this.leaveMessage.addEventListener('click', () => this.offer('offline_form'));
    this.tools.append(this.askPerson, this.leaveMessage);

    const attach = el('button', 'attach', { type: 'button', 'aria-label': 'Send an image' });
    attach.append(icon('paperclip', 18));
    attach.addEventListener('click', () => this.file.click());
    this.file.addEventListener('change', () => void this.sendImage());
    const send = el('button', 'send', { type: 'submit' }, 'Send');
    this.composer.append(attach, this.file, this.input, send);
    this.composer.addEventListener('submit', (e) => {
      e.preventDefault();
      this.sendText();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.sendText();
      }
    });
    this.input.addEventListener('input', () => this.typing());
    this.node.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.host.close) this.host.close();
    });
    this.node.append(header, this.banner.node, this.list.node, this.typingLine, this.suggestions, this.offline.node, this.rating.node, this.problem, this.tools, this.composer);
    this.setMode('chat');
  }

  /** The panel became visible (or hidden) on the host page. */
  setShown(shown: boolean, focus: boolean): void {
    this.shown = shown;
    if (shown) {
      this.client.open();
      this.render();
      if (focus) this.input.focus();
    }
  }

  render(): void {
    const c = this.client;
    this.status.textContent = this.host.preview
      ? 'Preview'
      : { idle: '', connecting: 'Connecting…', online: 'Online', offline: 'Reconnecting…' }[c.status];
    this.list.render();
    this.typingLine.textContent = c.agentTyping ? `${c.agentTyping} is typing…` : c.streams.size ? 'The assistant is writing…' : '';
    this.renderSuggestions();
    this.banner.countDown(c.waitUntil);
    this.askPerson.hidden = c.waitUntil > Date.now() || !!c.agent || c.ended;
    this.endChat.hidden = !c.hasSession;
    if (c.requestRefused !== this.shownRefusal) {
      this.shownRefusal = c.requestRefused;
      this.problem.textContent = c.requestRefused ? REFUSED[c.requestRefused] ?? 'Asking for a person did not work; please try again.' : '';
      if (c.requestRefused === 'write_first') this.input.focus();
    }
    // The form appears once each time nobody can come; the visitor may go back to the chat from it.
    if (!c.noAgentReason) this.offeredFor = null;
    else if (this.offeredFor !== c.noAgentReason) {
      this.offeredFor = c.noAgentReason;
      this.offer('offline_form');
    }
    if (c.ended && c.endedSession && this.ratedSession !== c.endedSession.sessionId && this.mode === 'chat') this.setMode('rating');
    this.countUnread();
  }

  private renderSuggestions(): void {
    const c = this.client;
    const items = c.messages.items();
    const last = items[items.length - 1];
    const answer = last?.kind === 'message' && last.message.sender === 'bot' ? c.answers.get(last.message.seq) : undefined;
    const wanted = !c.streams.size && !c.ended && answer ? answer.suggestions : [];
    const key = wanted.join('\n');
    if (this.suggestions.dataset.key === key) return;
    this.suggestions.dataset.key = key;
    this.suggestions.replaceChildren(
      ...wanted.map((s) => {
        const b = el('button', 'chip', { type: 'button' }, s);
        b.addEventListener('click', () => this.client.send(s));
        return b;
      }),
    );
    this.suggestions.hidden = !wanted.length;
  }

  private countUnread(): void {
    const c = this.client;
    let unread = 0;
    if (c.messages.lastSeq < this.seenSeq) this.seenSeq = 0; // a new conversation numbers from 1 again
    if (this.shown) this.seenSeq = c.messages.lastSeq;
    else unread = c.messages.items().filter((i) => i.kind === 'message' && i.message.seq > this.seenSeq && i.message.sender !== 'user').length;
    if (unread !== this.unread) this.host.unread((this.unread = unread));
  }

  private offer(offer: Offer, noticeReason?: string): void {
    if (offer === 'agent') {
      this.client.requestAgent();
      return;
    }
    const reason = this.client.noAgentReason ?? noticeReason ?? (this.config.open ? null : 'outside_business_hours');
    this.setMode('offline');
    this.offline.show([reason && REASONS[reason], LEAVE_A_MESSAGE].filter(Boolean).join(' '));
  }

  private setMode(mode: Mode): void {
    this.mode = mode;
    this.offline.node.hidden = mode !== 'offline';
    this.rating.node.hidden = mode !== 'rating';
    this.composer.hidden = this.tools.hidden = mode !== 'chat';
    if (mode === 'rating') this.rating.focus();
    if (mode === 'chat' && this.shown) this.input.focus();
  }

  private sendText(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = '';
    this.problem.textContent = '';
    this.stopTyping();
    this.client.send(text);
  }

  private typing(): void {
    if (this.typingTimer === undefined) this.client.typing(true);
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    if (this.typingTimer === undefined) return;
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    this.client.typing(false);
  }

  /** Checks the picked file by its bytes and size before it is sent; the text in the composer goes with it. */
  private async sendImage(): Promise<void> {
    const file = this.file.files?.[0];
    this.file.value = '';
    if (!file) return;
    this.problem.textContent = '';
    const max = this.config.maxAttachmentBytes;
    if (!imageType(new Uint8Array(await file.slice(0, 12).arrayBuffer()))) {
      this.problem.textContent = 'Only images can be sent: PNG, JPEG, GIF or WebP.';
      return;
    }
    if (file.size > max) {
      this.problem.textContent = `This image is too large: at most ${(max / 1048576).toFixed(max < 1048576 ? 1 : 0)} MB.`;
      return;
    }
    try {
      const url = await this.api.upload(file, await this.client.sessionProof());
      const caption = this.input.value.trim();
      this.input.value = '';
      this.client.send(caption || file.name || 'Image', url);
    } catch (e) {
      this.problem.textContent = `The image was not sent: ${(e as Error).message}`;
    }
  }
}
