import { MAX_TEXT_LENGTH } from '@parley/protocol';
import { useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { agentSocket } from '../../../lib/agentSocket';
import { text } from '../../../lib/text';
import { CannedList, optionId } from '../../canned/components/CannedList';
import { lastCanned, useCannedPicker } from '../../canned/hooks/useCannedPicker';
import { COMPOSER_KEYS, pressed } from '../../shortcuts/hooks/useShortcuts';

type Mode = 'reply' | 'note';

/** What Parley accepts as an image (it checks the bytes too). */
const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

/** The composer's field, for the key that moves the focus there. */
export const composerId = (sessionId: string) => `composer-${sessionId}`;

/**
 * Writing to the visitor, or an internal note only agents see. Enter sends, Shift+Enter starts a new line; `/` at the
 * start chooses a canned response, Alt+L inserts the one used last; Escape leaves the field (for the inbox's keys). A
 * reply carries a client id, so sending it again after a drop stores it once. An image picked, pasted or dropped here
 * goes to {@code onImage} (to be marked up and sent).
 */
export function Composer({ sessionId, onImage }: { sessionId: string; onImage: (image: Blob) => void }) {
  const [mode, setMode] = useState<Mode>('reply');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const canned = useCannedPicker(draft, typed);
  const cannedId = useId();

  function typed(value: string) {
    setDraft(value);
    if (mode !== 'reply') {
      return;
    }
    if (!typing.current) {
      agentSocket.request('typing_start', { sessionId }).catch(() => undefined);
    } else {
      clearTimeout(typing.current);
    }
    typing.current = setTimeout(() => {
      typing.current = null;
      agentSocket.request('typing_stop', { sessionId }).catch(() => undefined);
    }, 2000);
  }

  async function send() {
    const message = draft.trim();
    if (!message || sending) {
      return;
    }
    setSending(true);
    setError(null);
    try {
      if (mode === 'reply') {
        await agentSocket.request('agent_message', { sessionId, text: message, clientMsgId: crypto.randomUUID() });
      } else {
        await agentSocket.request('internal_note', { sessionId, text: message });
      }
      setDraft('');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  }

  /** The first image among the files, if any, goes to be marked up and sent (a paste of words stays a paste). */
  function takeImage(files: FileList | null, event: SyntheticEvent) {
    const image = [...(files ?? [])].find((file) => IMAGE_TYPES.split(',').includes(file.type));
    if (image) {
      event.preventDefault();
      onImage(image);
    }
    if (event.target instanceof HTMLInputElement) {
      event.target.value = '';
    }
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing || canned.keyDown(event)) {
      return;
    }
    const last = lastCanned.get();
    if (pressed(event, COMPOSER_KEYS.lastCanned) && last) {
      event.preventDefault();
      typed(last);
    } else if (event.key === 'Escape') {
      event.currentTarget.blur();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <div className={`composer composer-${mode}`}>
      <div className="modes" role="radiogroup" aria-label={text.composer.mode}>
        {(['reply', 'note'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`mode-${sessionId}`} checked={mode === m} onChange={() => setMode(m)} />
            {text.composer[m]}
          </label>
        ))}
      </div>
      {canned.open && (
        <CannedList id={cannedId} query={canned.query} found={canned.found} options={canned.options} active={canned.active} onPick={canned.pick} />
      )}
      <textarea
        id={composerId(sessionId)}
        aria-label={mode === 'reply' ? text.composer.replyLabel : text.composer.noteLabel}
        aria-autocomplete="list"
        aria-controls={canned.open ? cannedId : undefined}
        aria-activedescendant={canned.active ? optionId(cannedId, canned.active) : undefined}
        aria-keyshortcuts={COMPOSER_KEYS.lastCanned}
        placeholder={mode === 'reply' ? text.composer.replyHint : text.composer.noteHint}
        maxLength={MAX_TEXT_LENGTH}
        rows={3}
        value={draft}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={keyDown}
        onPaste={(e) => takeImage(e.clipboardData.files, e)}
        onDrop={(e) => takeImage(e.dataTransfer.files, e)}
      />
      {error && <p className="error" role="alert">{error}</p>}
      {mode === 'reply' && (
        <label className="attach">
          {text.composer.attach}
          <input type="file" accept={IMAGE_TYPES} onChange={(e) => takeImage(e.target.files, e)} />
        </label>
      )}
      <button type="button" onClick={() => void send()} disabled={sending || !draft.trim()}>
        {mode === 'reply' ? text.composer.send : text.composer.addNote}
      </button>
    </div>
  );
}
