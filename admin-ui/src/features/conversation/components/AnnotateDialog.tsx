import { useEffect, useRef, useState, type FormEvent } from 'react';
import { agentSocket } from '../../../lib/agentSocket';
import { Dialog } from '../../../lib/Dialog';
import { text } from '../../../lib/text';
import { sendImage } from '../api/images';
import { ImageEditor, type Tool } from './ImageEditor';

const TOOLS: Tool[] = ['draw', 'arrow', 'rectangle', 'text', 'blur'];

/**
 * An image on its way to the visitor — picked, pasted, dropped, or one of theirs sent back — with marks drawn on it
 * first if the agent wants, and words to go with it. Loaded on first use: the drawing library stays out of the
 * console's first load.
 */
export default function AnnotateDialog({ image, sessionId, onClose }: { image: Blob; sessionId: string; onClose: () => void }) {
  const surface = useRef<HTMLDivElement>(null);
  const editor = useRef<ImageEditor | null>(null);
  const [tool, setTool] = useState<Tool>('draw');
  const [label, setLabel] = useState('');
  const [caption, setCaption] = useState('');
  const [ready, setReady] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const url = URL.createObjectURL(image);
    const picture = new Image();
    picture.onload = () => {
      editor.current = new ImageEditor(surface.current!, picture);
      setReady(true);
    };
    picture.onerror = () => setError(text.annotate.unreadable);
    picture.src = url;
    return () => {
      editor.current?.destroy();
      editor.current = null;
      URL.revokeObjectURL(url);
    };
  }, [image]);
  useEffect(() => editor.current?.use(tool), [tool, ready]);
  useEffect(() => editor.current?.write(label), [label, ready]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!editor.current) {
      return;
    }
    setSending(true);
    setError(null);
    try {
      const sent = await sendImage(sessionId, editor.current.hasMarks() ? await editor.current.export() : image);
      await agentSocket.request('agent_message', { sessionId, text: caption.trim(), clientMsgId: crypto.randomUUID(), attachmentUrl: sent.url });
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setSending(false);
    }
  };

  return (
    <Dialog title={text.annotate.title} onClose={onClose}>
      <form className="annotate" onSubmit={(event) => void send(event)}>
        <div className="tools" role="toolbar" aria-label={text.annotate.tools}>
          {TOOLS.map((t) => (
            <button key={t} type="button" className="quiet" aria-pressed={tool === t} onClick={() => setTool(t)}>
              {text.annotate.tool[t]}
            </button>
          ))}
          <button type="button" className="quiet" onClick={() => editor.current?.undo()}>{text.annotate.undo}</button>
        </div>
        {tool === 'text' && (
          <label className="inline">
            {text.annotate.label}
            <input value={label} onChange={(event) => setLabel(event.target.value)} maxLength={200} autoFocus />
          </label>
        )}
        <div ref={surface} className="surface" aria-label={text.annotate.surface} role="img" />
        <label className="inline">
          {text.annotate.caption}
          <input value={caption} onChange={(event) => setCaption(event.target.value)} maxLength={4000} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" disabled={!ready || sending}>{sending ? text.annotate.sending : text.annotate.send}</button>
      </form>
    </Dialog>
  );
}
