import { text } from './text';

/** The part of a query (one or paged) that says whether its data came. */
interface Loaded {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/**
 * What a list or form shows while its data loads (a status line) or when it could not be loaded (why, and a way to try
 * again); nothing once it is there.
 */
export function QueryStatus({ query, failed, loading = text.loading }: { query: Loaded; failed: (why: string) => string; loading?: string }) {
  if (query.isPending) {
    return <p className="muted" role="status">{loading}</p>;
  }
  if (query.isError) {
    return (
      <p className="error" role="alert">
        {failed(query.error?.message ?? '')}{' '}
        <button type="button" className="quiet" onClick={() => void query.refetch()}>{text.actions.retry}</button>
      </p>
    );
  }
  return null;
}
