import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { text } from '../../../lib/text';
import { myPresence, setPresence, type Status } from '../api/presence';

const STATUSES: Status[] = ['online', 'away', 'offline'];

/** Online, away or offline, and how many conversations at once: one click each; routing sees it at once. */
export function PresenceControl({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const presence = useQuery({ queryKey: ['presence', userId], queryFn: () => myPresence(userId) });
  const change = useMutation({
    mutationFn: ({ status, capacity }: { status: Status; capacity: number }) => setPresence(status, capacity),
    onSuccess: (saved) => queryClient.setQueryData(['presence', userId], saved),
  });
  const current = presence.data;
  if (!current) {
    return <span className="muted">{presence.isError ? text.presence.unknown : text.loading}</span>;
  }
  return (
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
  );
}
