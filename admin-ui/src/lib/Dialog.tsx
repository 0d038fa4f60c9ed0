import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { text } from './text';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog, open while it is rendered: the browser's own `<dialog>`, which keeps focus inside, closes on Escape
 * and gives focus back to where it was. It is closed before React removes it (a layout effect), so that focus can go
 * back to an element still on the page.
 */
export function Dialog({ title, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const shown = dialog.current;
    shown?.showModal();
    return () => shown?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the parent stops rendering it, which closes it
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="quiet" onClick={onClose}>{text.actions.close}</button>
      </div>
      {children}
    </dialog>
  );
}
