/** The frame's theme from the loader's word: light, dark, or auto (the visitor's system setting). */
export function theme(requested: string | null): 'light' | 'dark' | 'auto' {
  return requested === 'light' || requested === 'dark' ? requested : 'auto';
}

/** White or near-black text on the accent colour, whichever reads better (WCAG relative luminance). */
export function accentText(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#fff';
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) ? '#fff' : '#1f2328';
}
