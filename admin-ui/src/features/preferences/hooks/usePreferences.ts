import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { showAsStored } from '../../../lib/cache';
import type { Theme } from '../../../lib/theme';
import { changePreferences, myAccount, type Me, type StoredPreferences } from '../api/preferences';

export interface Preferences {
  desktopNotifications: boolean;
  sound: boolean;
  theme: Theme;
}

/** What the person never chose; desktop notifications are on until they turn them off, as the server reads it too. */
const DEFAULTS: Preferences = { desktopNotifications: true, sound: true, theme: 'system' };

/**
 * The signed-in person's preferences (the defaults until they are loaded), and changing them. A change shows at once
 * (the theme switches as it is clicked) and is undone if the server refuses it.
 */
export function usePreferences(userId: string) {
  const queryClient = useQueryClient();
  const key = ['me', userId];
  const me = useQuery({ queryKey: key, queryFn: myAccount });
  const change = useMutation({
    mutationFn: changePreferences,
    // one after the other, so that the answer shown last is the one to the last change (the server merges changes made
    // at once into each other, under a lock, since IdentityIT showed two at once losing one)
    scope: { id: `preferences-${userId}` },
    onMutate: async (changes: Partial<StoredPreferences>) => {
      const before = queryClient.getQueryData<Me>(key);
      await showAsStored<Me>(queryClient, key, (current) => current && { ...current, preferences: { ...current.preferences, ...changes } });
      return before;
    },
    onError: (_error, _changes, before) => queryClient.setQueryData(key, before),
    onSuccess: (saved) => showAsStored(queryClient, key, saved),
  });
  const stored = me.data?.preferences;
  const preferences: Preferences = {
    desktopNotifications: stored?.desktopNotifications ?? DEFAULTS.desktopNotifications,
    sound: stored?.sound ?? DEFAULTS.sound,
    theme: stored?.theme ?? DEFAULTS.theme,
  };
  return { preferences, me, change };
}
