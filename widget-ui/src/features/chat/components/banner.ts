import { el } from '../../../lib/dom';

/**
 * The line under the header: the countdown while a person is sought (ticking each second), or a short notice (a thank
 * you). A status region, so that readers announce it; the ticking seconds are hidden from them.
 */
export class Banner {
  readonly node = el('div', 'banner', { role: 'status' });
  private timer: ReturnType<typeof setInterval> | undefined;
  private until = 0;

  constructor() {
    this.node.hidden = true;
  }

  say(text: string): void {
    this.stop();
    this.node.textContent = text;
    this.node.hidden = false;
  }

  /** Counts down to `until` (epoch ms; a later call moves it); hides itself when it is over or `until` has passed. */
  countDown(until: number): void {
    this.until = until;
    const left = () => Math.max(0, Math.ceil((this.until - Date.now()) / 1000));
    if (!left()) {
      if (this.timer !== undefined) this.stop();
      return;
    }
    if (this.timer !== undefined) return;
    const clock = el('span', undefined, { 'aria-hidden': 'true' });
    this.node.replaceChildren(el('span', undefined, undefined, 'Looking for a person to help you…'), clock);
    this.node.hidden = false;
    const tick = () => {
      const s = left();
      clock.textContent = ` ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      if (!s) this.stop();
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.node.hidden = true;
  }
}
