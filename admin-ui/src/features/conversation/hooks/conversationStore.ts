import type { DisplayTypingData, Message, Note, Session } from '@parley/protocol';
import { agentSocket, FrameError } from '../../../lib/agentSocket';
import { ApiError } from '../../../lib/api';
import { earlierMessages, sessionOf } from '../api/messages';
import { session as signIn } from '../../../lib/session';

/** One conversation as the console holds it: its messages by seq (each once, in order), its notes, who is typing. */
export interface Conversation {
  session: Session | null;
  messages: Message[];
  notes: Note[];
  visitorTyping: boolean;
  /** Other agents typing in it, by name. */
  agentsTyping: string[];
  /** Set when the server refused to show it (not found, not yours any more). */
  gone: string | null;
  /** Whether older messages than those held are stored: the transcript is read upward, a page at a time. */
  earlier: boolean;
  /** Why the last page of earlier messages could not be loaded, until the next try. */
  earlierFailed: string | null;
}

const EMPTY: Conversation = {
  session: null,
  messages: [],
  notes: [],
  visitorTyping: false,
  agentsTyping: [],
  gone: null,
  earlier: false,
  earlierFailed: null,
};

/** How many messages a conversation opens with, and how many more each step upward shows. */
export const TRANSCRIPT_PAGE = 50;

class Held {
  conversation: Conversation = EMPTY;
  readonly bySeq = new Map<number, Message>();
  readonly notes = new Map<string, Note>();
  readonly listeners = new Set<() => void>();
  followers = 0;
  /** Every message after this seq is held (or on its way); unknown until the conversation is first opened. */
  floor: number | null = null;
  fetchingEarlier = false;

  /** The highest seq up to which every message after the floor is here: what a rejoin asks to continue after. */
  contiguousSeq(): number {
    let seq = this.floor ?? 0;
    while (this.bySeq.has(seq + 1)) {
      seq++;
    }
    return seq;
  }

  merge(change: Partial<Conversation>, messages: Message[] = [], notes: Note[] = []): void {
    messages.forEach((message) => this.bySeq.set(message.seq, message));
    notes.forEach((note) => this.notes.set(note.id, note));
    this.conversation = {
      ...this.conversation,
      ...change,
      messages: [...this.bySeq.values()].sort((a, b) => a.seq - b.seq),
      notes: [...this.notes.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)),
    };
    this.listeners.forEach((listener) => listener());
  }
}

const held = new Map<string, Held>();

function of(sessionId: string): Held {
  let conversation = held.get(sessionId);
  if (!conversation) {
    conversation = new Held();
    held.set(sessionId, conversation);
  }
  return conversation;
}

/**
 * Asks the server for what this conversation misses: everything after the last seq held without a gap. Opened for the
 * first time, it starts a page from its end (the session's last seq says where that is); earlier pages come on demand.
 */
async function join(sessionId: string): Promise<void> {
  const conversation = of(sessionId);
  try {
    if (conversation.floor === null) {
      const { lastSeq } = await sessionOf(sessionId);
      conversation.floor ??= Math.max(0, lastSeq - TRANSCRIPT_PAGE);
      conversation.merge({ earlier: conversation.floor > 0 });
    }
    await agentSocket.request('join_session', { sessionId, afterSeq: conversation.contiguousSeq() });
  } catch (error) {
    if (error instanceof FrameError || (error instanceof ApiError && error.status === 404)) {
      conversation.merge({ gone: error.message });
    }
  }
}

agentSocket.on('session_joined', ({ session, messages, notes }) => of(session.id).merge({ session, gone: null }, messages, notes));
agentSocket.on('replay', ({ sessionId, messages }) => held.get(sessionId)?.merge({}, messages));
agentSocket.on('new_message', ({ message }) => held.get(message.sessionId)?.merge({}, [message]));
agentSocket.on('internal_note', ({ note }) => held.get(note.sessionId)?.merge({}, [], [note]));
for (const type of ['session_update', 'session_assigned', 'agent_request'] as const) {
  agentSocket.on(type, ({ session }) => held.get(session.id)?.merge({ session }));
}
agentSocket.on('display_typing', (typing: DisplayTypingData) => {
  const conversation = held.get(typing.sessionId);
  if (!conversation) {
    return;
  }
  if (typing.agentId === signIn.current()?.user.id) {
    return;
  }
  if (typing.sender === 'user') {
    conversation.merge({ visitorTyping: typing.isTyping });
  } else {
    const others = conversation.conversation.agentsTyping.filter((name) => name !== typing.agentName);
    conversation.merge({ agentsTyping: typing.isTyping && typing.agentName ? [...others, typing.agentName] : others });
  }
});
agentSocket.on('session_hidden', ({ sessionId }) => held.get(sessionId)?.merge({ gone: 'hidden' }));
agentSocket.onResume(() => held.forEach((conversation, sessionId) => conversation.followers > 0 && void join(sessionId)));

export const conversations = {
  /** Shows the conversation while the returned function has not been called. */
  follow(sessionId: string): () => void {
    const conversation = of(sessionId);
    conversation.followers++;
    if (agentSocket.connection() === 'open') {
      void join(sessionId);
    }
    return () => {
      conversation.followers--;
    };
  },
  /** Shows the page of messages above those held. */
  async showEarlier(sessionId: string): Promise<void> {
    const conversation = of(sessionId);
    if (!conversation.floor || conversation.fetchingEarlier) {
      return;
    }
    conversation.fetchingEarlier = true;
    try {
      const page = await earlierMessages(sessionId, conversation.floor + 1, TRANSCRIPT_PAGE);
      conversation.floor = page.length < TRANSCRIPT_PAGE ? 0 : page[0].seq - 1;
      conversation.merge({ earlier: conversation.floor > 0, earlierFailed: null }, page);
    } catch (error) {
      conversation.merge({ earlierFailed: (error as Error).message });
    } finally {
      conversation.fetchingEarlier = false;
    }
  },
  get: (sessionId: string): Conversation => held.get(sessionId)?.conversation ?? EMPTY,
  subscribe(sessionId: string, listener: () => void): () => void {
    const conversation = of(sessionId);
    conversation.listeners.add(listener);
    return () => conversation.listeners.delete(listener);
  },
};
