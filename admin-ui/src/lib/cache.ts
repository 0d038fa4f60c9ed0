import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Shows `value` (a change, or the server's answer to one) as what is stored under `key`. A read of `key` begun before
 * the change was saved would otherwise land after it and put the old value back: the socket's resume refetches
 * everything, and under load its answers can arrive after the change's. So reads in flight are dropped first.
 */
export async function showAsStored<T>(queryClient: QueryClient, key: QueryKey, value: T | ((current: T | undefined) => T | undefined)) {
  await queryClient.cancelQueries({ queryKey: key, exact: true });
  queryClient.setQueryData<T>(key, value);
}
