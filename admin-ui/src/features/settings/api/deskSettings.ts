import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { showAsStored } from '../../../lib/cache';

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export const WEEKDAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A weekly opening period, local time, `HH:mm`; `closes` is "24:00" for the end of the day. */
export interface Period {
  day: Weekday;
  opens: string;
  closes: string;
}

/** A day closed all day (a holiday): `yyyy-MM-dd` in the desk's time zone. */
export interface ClosedDate {
  date: string;
  name: string;
}

export type Strategy = 'least-loaded' | 'round-robin';

export interface RoutingRules {
  strategy: Strategy;
  defaultCapacity: number;
  countdownSeconds: number;
  acceptanceSeconds: number;
}

/** What `GET|PUT /api/admin/settings` carry; `now` is only answered. */
export interface DeskSettings {
  aiResumesAfterAgent: boolean;
  requestsBeforeMessage: boolean;
  businessHours: { enabled: boolean; timeZone: string; periods: Period[]; closedDates: ClosedDate[] };
  routing: RoutingRules;
  closedMessage: string;
  now?: { open: boolean; closedDate: string | null };
}

const KEY = ['admin', 'settings'];

export function useDeskSettings() {
  return useQuery({ queryKey: KEY, queryFn: () => api<DeskSettings>('GET', '/api/admin/settings') });
}

/** Saves the settings as a whole; what the server answers (with whether the desk is open now) becomes the page's. */
export function useSaveDeskSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ now: _answeredOnly, ...settings }: DeskSettings) => api<DeskSettings>('PUT', '/api/admin/settings', settings),
    onSuccess: (saved) => showAsStored(queryClient, KEY, saved),
  });
}
