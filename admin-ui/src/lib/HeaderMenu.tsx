import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  className?: string;
  /** The button's accessible name, when what it shows is not (a count, an icon). */
  label?: string;
  button: ReactNode;
  /** The panel's content; `close` closes the panel (after choosing something in it). */
  children: (close: () => void) => ReactNode;
}

/** A button in the header that opens a panel below it (the bell, the account); Escape or a click elsewhere closes it. */
export function HeaderMenu({ className, label, button, children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // back to the button, so that focus is not lost with the panel (and a dialog opened from it gives it back there)
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  useEffect(() => {
    if (!open) {
      return;
    }
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div
      ref={root}
      className={className ? `header-menu ${className}` : 'header-menu'}
      onKeyDown={(event) => {
        if (open && event.key === 'Escape') {
          close();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="header-menu-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {button}
      </button>
      <div id={panelId} className="menu" hidden={!open}>
        {open && children(close)}
      </div>
    </div>
  );
}
