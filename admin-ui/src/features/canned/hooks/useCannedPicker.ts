import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { findCanned, type CannedResponse } from '../api/canned';

/**
 * The last response inserted, for the key that inserts it again: kept for this tab in sessionStorage, like what the
 * person has read.
 */
const LAST = 'parley.console.lastCanned';

export const lastCanned = {
  get: (): string | null => sessionStorage.getItem(LAST),
  remember: (response: string): void => sessionStorage.setItem(LAST, response),
};

/**
 * The composer's `/` list: open while the draft starts with `/` (Escape closes it until the draft changes), showing
 * the active canned responses with what follows the `/` in them (the one whose shortcut it is first). The arrow keys choose, Enter or Tab inserts the response's
 * text in place of the draft (it is not sent).
 */
export function useCannedPicker(draft: string, insert: (response: string) => void) {
  const [closedAt, setClosedAt] = useState<string | null>(null);
  const [chosen, setChosen] = useState({ draft, index: 0 });
  const query = draft.startsWith('/') ? draft.slice(1) : null;
  const open = query !== null && closedAt !== draft;
  const found = useQuery({
    queryKey: ['canned', query],
    queryFn: () => findCanned(query ?? ''),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const options = found.data?.items ?? [];
  // a new search starts at its first match
  const index = chosen.draft === draft ? Math.min(chosen.index, options.length - 1) : 0;
  const active = open ? options[index] : undefined;

  function pick(response: CannedResponse) {
    lastCanned.remember(response.response);
    insert(response.response);
  }

  /** Handles the keys of the open list; false when the key is the composer's. */
  function keyDown(event: KeyboardEvent): boolean {
    if (!open) {
      return false;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && options.length > 0) {
      setChosen({ draft, index: (index + step + options.length) % options.length });
    } else if ((event.key === 'Enter' || event.key === 'Tab') && active) {
      pick(active);
    } else if (event.key === 'Escape') {
      setClosedAt(draft);
    } else if (event.key !== 'Enter') {
      return false;
    }
    // Enter with nothing to insert does nothing either: "/refund" is not sent by mistake
    event.preventDefault();
    return true;
  }

  return { open, query: query ?? '', found, options, active, pick, keyDown };
}
