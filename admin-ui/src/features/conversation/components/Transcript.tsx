import type { Message, Note } from '@parley/protocol';
import { useEffect, useRef } from 'react';
import { at } from '../../../lib/time';
import { text } from '../../../lib/text';
import type { Conversation } from '../hooks/conversationStore';

type Entry = { kind: 'message'; at: string; message: Message } | { kind: 'note'; at: string; note: Note };

/** Messages in the order they were stored, with the internal notes among them by time, visibly set apart. */
export function Transcript({ conversation }: { conversation: Conversation }) {
  const list = useRef<HTMLOListElement>(null);
  const entries: Entry[] = [
    ...conversation.messages.map((message): Entry => ({ kind: 'message', at: message.createdAt, message })),
    ...conversation.notes.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === 'message' && b.kind === 'message' ? a.message.seq - b.message.seq : 0));
  const count = entries.length;
  useEffect(() => {
    const shown = list.current;
    if (shown) {
      shown.scrollTop = shown.scrollHeight;
    }
  }, [count]);

  return (
    <ol ref={list} className="transcript" aria-label={text.conversation.transcript} aria-live="polite">
      {entries.map((entry) =>
        entry.kind === 'message' ? (
          <li key={entry.message.id} className={`message from-${entry.message.sender}`}>
            <span className="sender">{senderName(entry.message)}</span>
            <p>{entry.message.text}</p>
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
