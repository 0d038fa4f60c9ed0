import { useEffect, useRef } from 'react';

/**
 * Every key the console answers to, as the overlay shows it: the handlers match these same strings, so the list cannot
 * drift from what the keys do. A letter alone is a key pressed without modifiers; `Alt+L` is matched by the key's
 * place on the keyboard (with Alt, macOS types another character).
 */
export const KEYS = {
  next: 'J',
  previous: 'K',
  openChosen: 'O',
  reply: 'R',
  close: 'C',
  help: '?',
} as const;

export const COMPOSER_KEYS = {
  canned: '/',
  lastCanned: 'Alt+L',
  send: 'Enter',
  newLine: 'Shift+Enter',
  leave: 'Esc',
} as const;

type Pressed = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/** Whether the event is this key as written in KEYS (`J`, `?`, `Alt+L`). */
export function pressed(event: Pressed, keys: string): boolean {
  const alt = keys.startsWith('Alt+');
  const key = alt ? keys.slice(4) : keys;
  if (event.altKey !== alt || event.ctrlKey || event.metaKey) {
    return false;
  }
  if (!/^[A-Z]$/.test(key)) {
    return event.key === key;
  }
  return alt ? event.code === `Key${key}` : !event.shiftKey && event.key.toLowerCase() === key.toLowerCase();
}

/** Where a key is the person's writing, not a command: fields, and anything behind an open dialog. */
function typingOrInDialog(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || document.querySelector('dialog[open]') !== null;
}

/** Runs the handler of a key pressed anywhere on the page but in a field or a dialog, while the component is shown. */
export function useShortcuts(handlers: Partial<Record<string, () => void>>): void {
  // the listener stays; the handlers of the latest render answer
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const keyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typingOrInDialog(event)) {
        return;
      }
      const match = Object.entries(latest.current).find(([keys]) => pressed(event, keys));
      if (match?.[1]) {
        event.preventDefault();
        match[1]();
      }
    };
    document.addEventListener('keydown', keyDown);
    return () => document.removeEventListener('keydown', keyDown);
  }, []);
}
