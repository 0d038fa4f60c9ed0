// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner } from './banner';

afterEach(() => vi.useRealTimers());

describe('Banner', () => {
  it('counts down to the end of the wait, follows a new end, and hides when it is over', () => {
    vi.useFakeTimers();
    const banner = new Banner();
    expect(banner.node.hidden).toBe(true);
    banner.countDown(Date.now() + 180_000);
    expect(banner.node.hidden).toBe(false);
    expect(banner.node.textContent).toBe('Looking for a person to help you… 3:00');
    vi.advanceTimersByTime(61_000);
    expect(banner.node.textContent).toContain('1:59');
    banner.countDown(Date.now() + 5_000);
    vi.advanceTimersByTime(1_000);
    expect(banner.node.textContent).toContain('0:04');
    vi.advanceTimersByTime(5_000);
    expect(banner.node.hidden).toBe(true);
  });

  it('stops counting when a person came (no wait any more) and shows a notice in its place', () => {
    vi.useFakeTimers();
    const banner = new Banner();
    banner.countDown(Date.now() + 60_000);
    banner.countDown(0);
    expect(banner.node.hidden).toBe(true);
    banner.say('Thank you for your rating.');
    banner.countDown(0);
    expect(banner.node.hidden).toBe(false);
    expect(banner.node.textContent).toBe('Thank you for your rating.');
  });
});
