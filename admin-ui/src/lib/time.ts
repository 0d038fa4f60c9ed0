import { useEffect, useState } from 'react';
import { locale } from './text';

const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const exact = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' });

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

/** The date and the time to the second: "Tuesday, 24 November 2026 at 14:05:09". */
export function exactly(iso: string): string {
  return exact.format(new Date(iso));
}

/**
 * The instants that days from `fromDay` to `toDay` (inclusive, local days as a date field gives them: `2026-12-05`)
 * cover, as the server's filters take them: `from` inclusive, `to` exclusive (the start of the day after).
 */
export function dayRange(fromDay?: string, toDay?: string): { from?: string; to?: string } {
  return { from: fromDay && dayStart(fromDay), to: toDay && dayStart(toDay, 1) };
}

function dayStart(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + days).toISOString();
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
