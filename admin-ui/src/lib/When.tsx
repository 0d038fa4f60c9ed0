import { ago, exactly } from './time';

/** A moment as "3 minutes ago", with the exact date and time on hover. */
export function When({ iso }: { iso: string }) {
  return <time dateTime={iso} title={exactly(iso)}>{ago(iso)}</time>;
}
