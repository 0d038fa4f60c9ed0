import { useEffect, useState } from 'react';
import { locale } from './text';

const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** "3 minutes ago", "yesterday". */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return relative.format(seconds, 'second');
}

/** "14:05" today, the date and time otherwise. */
export function at(iso: string): string {
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? clock.format(date) : day.format(date);
}

/** The instant a local day (`2026-12-05`, as a date field gives it) starts, `days` after the one given, in ISO-8601. */
function startOfDay(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + days).toISOString();
}

/**
 * The server's `from` and `to` (exclusive) for the days from `fromDay` to `toDay`, both counted in, as date fields give
 * them (`2026-12-05`) in the person's own time zone; either may be absent.
 */
export function dayRange(fromDay?: string, toDay?: string): { from?: string; to?: string } {
  return { from: fromDay && startOfDay(fromDay), to: toDay && startOfDay(toDay, 1) };
}

/** The time now, renewed every `everyMs`: for what counts up or down while it is shown. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
