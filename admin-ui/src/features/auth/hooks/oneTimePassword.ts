/**
 * The password Parley chose, kept in memory only between signing in with it and choosing one's own, so that the
 * person is not asked to type it twice. Never stored.
 */
let kept: string | null = null;

export const oneTimePassword = {
  keep(password: string | null): void {
    kept = password;
  },
  take(): string | null {
    const password = kept;
    kept = null;
    return password;
  },
};
