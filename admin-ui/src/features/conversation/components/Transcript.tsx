import type { Message, Note } from '@parley/protocol';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { at } from '../../../lib/time';
import { text } from '../../../lib/text';
import { conversations, type Conversation } from '../hooks/conversationStore';
import { AttachedImage } from './AttachedImage';

interface Props {
  sessionId: string;
  conversation: Conversation;
  onSendBack?: (image: Blob) => void;
}

type Entry = { kind: 'message'; message: Message } | { kind: 'note'; note: Note };

/**
 * The messages in the order they were stored (by seq, whatever their clocks say), each note before the first message
 * stored after it. Times are compared as instants: the server's ISO strings vary in length ("…:05Z", "…:05.120Z").
 */
function timeline(messages: Message[], notes: Note[]): Entry[] {
  const entries: Entry[] = [];
  let next = 0;
  for (const message of messages) {
    while (next < notes.length && Date.parse(notes[next].createdAt) < Date.parse(message.createdAt)) {
      entries.push({ kind: 'note', note: notes[next++] });
    }
    entries.push({ kind: 'message', message });
  }
  return entries.concat(notes.slice(next).map((note): Entry => ({ kind: 'note', note })));
}

/**
 * Messages in the order they were stored, with the internal notes among them by time, visibly set apart. It opens on
 * its latest page, scrolled to the end, and follows new messages there while the reader is at the end; earlier pages
 * load as the reader scrolls up to them (or asks with the button), and what the reader was looking at stays in place.
 */
export function Transcript({ sessionId, conversation, onSendBack }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const top = useRef<HTMLLIElement>(null);
  const atEnd = useRef(true);
  /** The first message shown and how far below the list's top edge it was, to keep it there when a page comes above. */
  const anchor = useRef<{ seq: number; offset: number } | null>(null);
  // notes older than the first message held would sit above messages not loaded yet: they wait for their page
  const from = conversation.earlier ? conversation.messages[0]?.createdAt : undefined;
  const notes = from ? conversation.notes.filter((note) => Date.parse(note.createdAt) >= Date.parse(from)) : conversation.notes;
  const entries = timeline(conversation.messages, notes);
  const first = conversation.messages[0]?.seq;

  function offsetOf(seq: number | undefined): number | null {
    const shown = list.current;
    const entry = shown?.querySelector(`[data-seq="${seq}"]`);
    return shown && entry ? entry.getBoundingClientRect().top - shown.getBoundingClientRect().top : null;
  }
  function remember() {
    const offset = offsetOf(first);
    anchor.current = first === undefined || offset === null ? null : { seq: first, offset };
  }
  useLayoutEffect(() => {
    const shown = list.current;
    const before = anchor.current;
    const now = before && offsetOf(before.seq);
    if (shown && before && now !== null && before.seq !== first) {
      shown.scrollTop += now - before.offset;
    } else if (shown && atEnd.current) {
      shown.scrollTop = shown.scrollHeight;
    }
    remember();
  });
  const earlier = conversation.earlier;
  useEffect(() => {
    const button = top.current;
    if (!earlier || !button || !list.current) {
      return;
    }
    const reached = new IntersectionObserver((seen) => seen.some((entry) => entry.isIntersecting) && void conversations.showEarlier(sessionId), {
      root: list.current,
    });
    reached.observe(button);
    return () => reached.disconnect();
  }, [earlier, first, sessionId]);

  return (
    <ol
      ref={list}
      className="transcript"
      aria-label={text.conversation.transcript}
      aria-live="polite"
      tabIndex={0}
      onScroll={(e) => {
        const shown = e.currentTarget;
        atEnd.current = shown.scrollHeight - shown.scrollTop - shown.clientHeight < 40;
        remember();
      }}
    >
      {earlier && (
        <li ref={top} className="earlier">
          <button type="button" className="quiet" onClick={() => void conversations.showEarlier(sessionId)}>
            {text.conversation.earlier}
          </button>
          {conversation.earlierFailed && <p className="error" role="alert">{text.conversation.earlierFailed(conversation.earlierFailed)}</p>}
        </li>
      )}
      {entries.map((entry) =>
        entry.kind === 'message' ? (
          <li key={entry.message.id} className={`message from-${entry.message.sender}`} data-seq={entry.message.seq}>
            <span className="sender">{senderName(entry.message)}</span>
            {entry.message.text && <p>{entry.message.text}</p>}
            {entry.message.attachments.map((attachment) => (
              <AttachedImage
                key={attachment.id}
                attachment={attachment}
                alt={entry.message.sender === 'user' ? text.annotate.fromVisitor : text.annotate.sent}
                onSendBack={entry.message.sender === 'user' ? onSendBack : undefined}
              />
            ))}
            <time dateTime={entry.message.createdAt}>{at(entry.message.createdAt)}</time>
          </li>
        ) : (
          <li key={entry.note.id} className="note">
            <span className="sender">{text.conversation.note}</span>
            <p>{entry.note.text}</p>
            <time dateTime={entry.note.createdAt}>{at(entry.note.createdAt)}</time>
          </li>
        ),
      )}
      {conversation.visitorTyping && <li className="typing">{text.conversation.visitorTyping}</li>}
      {conversation.agentsTyping.map((name) => (
        <li key={name} className="typing">{text.conversation.agentTyping(name)}</li>
      ))}
    </ol>
  );
}

function senderName(message: Message): string {
  switch (message.sender) {
    case 'user':
      return text.conversation.visitor;
    case 'bot':
      return text.conversation.assistant;
    case 'agent':
      return message.agentName ?? text.conversation.agent;
    default:
      return text.conversation.notice;
  }
}
