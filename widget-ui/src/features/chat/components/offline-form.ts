import { el } from '../../../lib/dom';
import type { TicketRequest } from '@parley/protocol';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What each field may hold (the server checks the same and answers 400 otherwise). */
const LIMITS = { name: 200, email: 320, message: 4000 } as const;

type Field = keyof typeof LIMITS;

/**
 * The offline form: name, e-mail and message, checked before sending (each field says what is wrong), sent as a ticket.
 * What the visitor wrote stays in the form until the ticket is stored.
 */
export class OfflineForm {
  readonly node = el('form', 'form', { 'aria-labelledby': 'parley-offline-title', novalidate: '' });
  private readonly fields = new Map<Field, HTMLInputElement | HTMLTextAreaElement>();
  private readonly errors = new Map<Field, HTMLElement>();
  private readonly lead = el('p', 'note');
  private readonly status = el('p', 'error', { role: 'alert' });
  private readonly submit = el('button', 'send', { type: 'submit' }, 'Send');

  constructor(
    private readonly send: (ticket: Omit<TicketRequest, 'sessionId' | 'sessionToken'>) => Promise<void>,
    onCancel: () => void,
  ) {
    this.node.append(el('h2', undefined, { id: 'parley-offline-title' }, 'Leave us a message'), this.lead);
    this.field('name', 'Your name', el('input', undefined, { type: 'text', autocomplete: 'name' }));
    this.field('email', 'Your e-mail', el('input', undefined, { type: 'email', autocomplete: 'email' }));
    this.field('message', 'Your message', el('textarea', undefined, { rows: '4' }));
    const cancel = el('button', 'link', { type: 'button' }, 'Back to the chat');
    cancel.addEventListener('click', onCancel);
    const row = el('div', 'row');
    row.append(cancel, this.submit);
    this.node.append(this.status, row);
    this.node.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.trySend();
    });
  }

  /** Says why the form is offered and moves the focus to the first field. */
  show(reason: string): void {
    this.lead.textContent = reason;
    this.fields.get('name')!.focus();
  }

  prefill(values: Partial<Record<Field, string>>): void {
    for (const [name, value] of Object.entries(values)) {
      const input = this.fields.get(name as Field);
      if (input && value && !input.value) input.value = value;
    }
  }

  private field(name: Field, label: string, input: HTMLInputElement | HTMLTextAreaElement): void {
    const id = 'parley-offline-' + name;
    const error = el('span', 'error', { id: id + '-error' });
    input.id = id;
    input.name = name;
    input.required = true;
    input.maxLength = LIMITS[name];
    input.setAttribute('aria-describedby', error.id);
    const wrapper = el('label', undefined, { for: id });
    wrapper.append(label, input, error);
    this.node.append(wrapper);
    this.fields.set(name, input);
    this.errors.set(name, error);
  }

  private problems(): Map<Field, string> {
    const found = new Map<Field, string>();
    const value = (f: Field) => this.fields.get(f)!.value.trim();
    if (!value('name')) found.set('name', 'Please tell us your name.');
    if (!EMAIL.test(value('email'))) found.set('email', 'Please give an e-mail address we can answer to.');
    if (!value('message')) found.set('message', 'Please write your message.');
    return found;
  }

  private async trySend(): Promise<void> {
    const problems = this.problems();
    for (const [name, input] of this.fields) {
      const problem = problems.get(name);
      input.setAttribute('aria-invalid', String(!!problem));
      this.errors.get(name)!.textContent = problem ?? '';
    }
    this.status.textContent = '';
    if (problems.size) {
      this.fields.get([...problems.keys()][0])!.focus();
      return;
    }
    this.submit.disabled = true;
    try {
      const value = (f: Field) => this.fields.get(f)!.value.trim();
      await this.send({ name: value('name'), email: value('email'), message: value('message') });
      for (const input of this.fields.values()) input.value = '';
    } catch (e) {
      this.status.textContent = `Your message was not sent: ${(e as Error).message} Please try again.`;
    } finally {
      this.submit.disabled = false;
    }
  }
}
