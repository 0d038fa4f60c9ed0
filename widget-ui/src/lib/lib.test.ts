import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { unwrap, wrap } from './bridge';
import { imageType } from './images';
import { serverBase, wsUrl } from './server';
import { accentText } from './theme';
import { usableUser } from './visitor';

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
    expect(serverBase(null, 'https://chat.example.com/parley/widget/parley.js?v=1', page)).toBe('https://chat.example.com/parley');
    expect(serverBase('', '/widget/parley.js', page)).toBe('https://shop.example.com');
  });
  it('falls back to the page origin', () => {
    expect(serverBase(null, 'https://cdn.example.com/chat.js', page)).toBe('https://shop.example.com');
  });
  it('maps http to ws', () => {
    expect(wsUrl('http://localhost:8080', '/ws/chat')).toBe('ws://localhost:8080/ws/chat');
    expect(wsUrl('https://a.b/c', '/ws/chat')).toBe('wss://a.b/c/ws/chat');
  });
});

describe('imageType', () => {
  const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(12).fill(0)]);
  it('knows the four image types by their first bytes, and nothing else', () => {
    expect(imageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(imageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(imageType(new TextEncoder().encode('GIF89a......'))).toBe('image/gif');
    expect(imageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(imageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(imageType(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
  });
});

describe('accentText', () => {
  it('puts white on dark colours and dark text on light ones', () => {
    expect(accentText('#2d5bd3')).toBe('#fff');
    expect(accentText('#ffd400')).toBe('#1f2328');
  });
});

describe('bridge', () => {
  it('takes only its own envelopes', () => {
    expect(unwrap(wrap({ type: 'close' }))).toEqual({ type: 'close' });
    expect(unwrap({ type: 'close' })).toBeNull();
    expect(unwrap({ parley: 2, message: { type: 'close' } })).toBeNull();
    expect(unwrap('{"parley":1}')).toBeNull();
    expect(unwrap(null)).toBeNull();
  });
});

describe('usableUser', () => {
  it('keeps a name and an e-mail address as they are', () => {
    const warnings: string[] = [];
    expect(usableUser({ name: 'Ada', email: 'ada.l+chat@example.co.uk' }, (m) => warnings.push(m))).toEqual({ name: 'Ada', email: 'ada.l+chat@example.co.uk' });
    expect(usableUser({ name: 'Ada' }, (m) => warnings.push(m))).toEqual({ name: 'Ada' });
    expect(warnings).toEqual([]);
  });
  it('leaves out an email that is no e-mail address, and says so', () => {
    const warnings: string[] = [];
    for (const email of ['ada', "=cmd|'/c calc'!A1", 'a b@example.com', 'ada@localhost', 'a,b@example.com']) {
      expect(usableUser({ name: 'Ada', email }, (m) => warnings.push(m))).toEqual({ name: 'Ada' });
    }
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toContain('"ada" is not an e-mail address');
  });
});
