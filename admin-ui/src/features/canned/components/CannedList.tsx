import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Page } from '../../../lib/api';
import { text } from '../../../lib/text';
import type { CannedResponse } from '../api/canned';
import { QueryStatus } from '../../../lib/QueryStatus';

interface Props {
  id: string;
  query: string;
  found: UseQueryResult<Page<CannedResponse>>;
  options: CannedResponse[];
  active?: CannedResponse;
  onPick: (response: CannedResponse) => void;
}

export const optionId = (listId: string, response: CannedResponse) => `${listId}-${response.id}`;

/**
 * The canned responses matching what follows the `/`. Focus stays in the composer, which points at the option chosen
 * (`aria-activedescendant`), so the person types on and chooses without leaving it.
 */
export function CannedList({ id, query, found, options, active, onPick }: Props) {
  useEffect(() => {
    if (active) {
      document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' });
    }
  }, [id, active]);

  return (
    <div className="canned">
      <QueryStatus query={found} failed={text.canned.failed} />
      {found.isSuccess && options.length === 0 && (
        <p className="muted" role="status">{query.trim() ? text.canned.noMatch(query.trim()) : text.canned.none}</p>
      )}
      <ul id={id} role="listbox" aria-label={text.canned.label} hidden={options.length === 0}>
        {options.map((response) => (
          <li
            key={response.id}
            id={optionId(id, response)}
            role="option"
            aria-selected={response === active}
            // mousedown, not click: the composer keeps the focus
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(response);
            }}
          >
            <span className="trigger">{response.shortcut ? `/${response.shortcut}` : response.trigger}</span>
            <span className="response">{response.response}</span>
          </li>
        ))}
      </ul>
      <p className="hint">{text.canned.hint}</p>
    </div>
  );
}
