import type { Message, Note } from '@parley/protocol';
import { useEffect, useRef } from 'react';
import { at } from '../../../lib/time';
import { text } from '../../../lib/text';
import type { Conversation } from '../hooks/conversationStore';
import { AttachedImage } from './AttachedImage';

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

/** Messages in the order they were stored, with the internal notes among them by time, visibly set apart. */
export function Transcript({ conversation, onSendBack }: { conversation: Conversation; onSendBack?: (image: Blob) => void }) {
  const list = useRef<HTMLOListElement>(null);
  const entries = timeline(conversation.messages, conversation.notes);
  const count = entries.length;
  useEffect(() => {
    const shown = list.current;
    if (shown) {
      shown.scrollTop = shown.scrollHeight;
    }
  }, [count]);

  return (
    <ol ref={list} className="transcript" aria-label={text.conversation.transcript} aria-live="polite" tabIndex={0}>
      {entries.map((entry) =>
        entry.kind === 'message' ? (
          <li key={entry.message.id} className={`message from-${entry.message.sender}`}>
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
