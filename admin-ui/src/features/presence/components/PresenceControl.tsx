import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { agentSocket } from '../../../lib/agentSocket';
import { showAsStored } from '../../../lib/cache';
import { text } from '../../../lib/text';
import { myPresence, setPresence, type Presence, type Status } from '../api/presence';

const STATUSES: Status[] = ['online', 'away', 'offline'];

/**
 * Online, away or offline, and how many conversations at once: one click each; routing sees it at once. A change, the
 * agent's or the server's (set away for an offer not taken up), is said in a polite live region for screen readers.
 */
export function PresenceControl({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const key = ['presence', userId];
  const [said, say] = useState('');
  const presence = useQuery({ queryKey: key, queryFn: myPresence });
  const change = useMutation({
    mutationFn: ({ status, capacity }: { status: Status; capacity: number }) => setPresence(status, capacity),
    onSuccess: async (saved) => {
      const shown = queryClient.getQueryData<Presence>(key)?.status;
      await showAsStored(queryClient, key, saved);
      if (saved.status !== shown) {
        say(text.presence.now[saved.status]);
      }
    },
  });
  useEffect(
    () =>
      agentSocket.on('assignment_lapsed', ({ status }) => {
        if (status === 'away') {
          queryClient.setQueryData<Presence>(['presence', userId], (before) => before && { ...before, status });
          say(text.presence.lapsed);
        }
      }),
    [queryClient, userId],
  );
  const current = presence.data;
  return (
    <>
      {current ? (
        <div className="presence" role="group" aria-label={text.presence.label}>
          {STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`status status-${status}`}
              aria-pressed={current.status === status}
              disabled={change.isPending}
              onClick={() => change.mutate({ status, capacity: current.capacity })}
            >
              {text.presence[status]}
            </button>
          ))}
          <label className="capacity">
            {text.presence.capacity}
            <select
              value={current.capacity}
              disabled={change.isPending}
              onChange={(e) => change.mutate({ status: current.status, capacity: Number(e.target.value) })}
            >
              {Array.from({ length: 50 }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </label>
          {change.isError && <span className="error" role="alert">{change.error.message}</span>}
        </div>
      ) : (
        <span className="muted">{presence.isError ? text.presence.unknown : text.loading}</span>
      )}
      {/* in the page from the start, so that screen readers follow it before anything is said in it */}
      <p role="status" className="sr-only">{said}</p>
    </>
  );
}
