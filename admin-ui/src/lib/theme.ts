/** What a person may choose; `system` follows the system's light or dark setting, also when it changes. */
export type Theme = 'light' | 'dark' | 'system';

const systemDark = matchMedia('(prefers-color-scheme: dark)');
let chosen: Theme = 'system';

/** style.css keys its colours on `data-theme` (light or dark): one set of each, whoever chose it. */
function apply(): void {
  document.documentElement.dataset.theme = chosen === 'system' ? (systemDark.matches ? 'dark' : 'light') : chosen;
}

systemDark.addEventListener('change', apply);

export function showTheme(theme: Theme): void {
  chosen = theme;
  apply();
}
