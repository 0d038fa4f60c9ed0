/** localStorage that never throws (private mode, blocked storage, quota): the widget then just forgets. */
export const store = {
  get<T>(key: string): T | null {
    try {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown): void {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* ignore */
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      /* ignore */
    }
  },
};

/** A store that forgets everything with the page: for the console's preview, which must not touch a visitor's chat. */
export function memoryStore(): typeof store {
  const kept = new Map<string, string>();
  return {
    get: <T>(key: string) => (kept.has(key) ? (JSON.parse(kept.get(key)!) as T) : null),
    set: (key, value) => void kept.set(key, JSON.stringify(value)),
    remove: (key) => void kept.delete(key),
  };
}
