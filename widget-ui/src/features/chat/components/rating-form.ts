import { el } from '../../../lib/dom';
import type { RatingRequest } from '@parley/protocol';

/** The 1–5 satisfaction rating asked for when a conversation ends; radio buttons, so the keyboard and readers know it. */
export class RatingForm {
  readonly node = el('form', 'form', { 'aria-labelledby': 'parley-rating-title' });
  private readonly stars = el('fieldset', 'stars');
  private readonly comment = el('textarea', undefined, { rows: '2', maxlength: '1000', id: 'parley-rating-comment' });
  private readonly status = el('p', 'error', { role: 'alert' });
  private readonly submit = el('button', 'send', { type: 'submit' }, 'Send');

  constructor(send: (rating: RatingRequest) => Promise<void>, skip: () => void) {
    this.stars.append(el('legend', 'sr-only', undefined, 'Your rating, from 1 (poor) to 5 (excellent)'));
    for (let score = 1; score <= 5; score++) {
      const label = el('label');
      const input = el('input', undefined, { type: 'radio', name: 'score', value: String(score), 'aria-label': `${score} of 5` });
      label.append(input, el('span', undefined, { 'aria-hidden': 'true' }, '\u2605'));
      this.stars.append(label);
    }
    this.stars.addEventListener('change', () => {
      this.status.textContent = '';
      this.light();
    });
    const commentLabel = el('label', undefined, { for: this.comment.id }, 'Anything to add? (optional)');
    commentLabel.append(this.comment);
    const skipButton = el('button', 'link', { type: 'button' }, 'Skip');
    skipButton.addEventListener('click', skip);
    const row = el('div', 'row');
    row.append(skipButton, this.submit);
    this.node.append(el('h2', undefined, { id: 'parley-rating-title' }, 'How was this conversation?'), this.stars, commentLabel, this.status, row);
    this.node.addEventListener('submit', async (e) => {
      e.preventDefault();
      const score = Number(this.node.querySelector<HTMLInputElement>('input[name=score]:checked')?.value);
      if (!score) {
        this.status.textContent = 'Please choose from 1 to 5 stars.';
        return;
      }
      this.submit.disabled = true;
      try {
        const comment = this.comment.value.trim();
        await send(comment ? { score, comment } : { score });
      } catch (err) {
        this.status.textContent = `Your rating was not sent: ${(err as Error).message}`;
      } finally {
        this.submit.disabled = false;
      }
    });
  }

  focus(): void {
    this.stars.querySelector('input')?.focus();
  }

  private light(): void {
    const score = Number(this.node.querySelector<HTMLInputElement>('input[name=score]:checked')?.value ?? 0);
    this.stars.querySelectorAll('label').forEach((label, i) => label.classList.toggle('lit', i < score));
  }
}
