import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { conversations, type Conversation } from './conversationStore';

/** The conversation, live, while the component shows it. */
export function useConversation(sessionId: string): Conversation {
  useEffect(() => conversations.follow(sessionId), [sessionId]);
  const subscribe = useCallback((listener: () => void) => conversations.subscribe(sessionId, listener), [sessionId]);
  return useSyncExternalStore(subscribe, () => conversations.get(sessionId));
}
