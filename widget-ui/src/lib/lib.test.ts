import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { serverBase, wsUrl } from './server';

describe('backoffDelay', () => {
  it('grows exponentially with jitter and a cap', () => {
    expect(backoffDelay(0, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffDelay(50, 500, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(50, 500, 30_000, () => 0)).toBe(15_000);
  });
});

describe('serverBase', () => {
  const page = 'https://shop.example.com/p/1';
  it('prefers the attribute', () => {
    expect(serverBase('https://chat.example.com/parley/', 'https://x/widget/a.js', page)).toBe('https://chat.example.com/parley');
  });
  it('falls back to where the script came from', () => {
    expect(serverBase(null, 'https://chat.example.com/parley/widget/parley-widget.umd.js?v=1', page)).toBe('https://chat.example.com/parley');
    expect(serverBase('', '/widget/parley-widget.umd.js', page)).toBe('https://shop.example.com');
  });
  it('falls back to the page origin', () => {
    expect(serverBase(null, 'https://cdn.example.com/chat.js', page)).toBe('https://shop.example.com');
  });
  it('maps http to ws', () => {
    expect(wsUrl('http://localhost:8080', '/ws/chat')).toBe('ws://localhost:8080/ws/chat');
    expect(wsUrl('https://a.b/c', '/ws/chat')).toBe('wss://a.b/c/ws/chat');
  });
});
