import { useId, type ReactElement } from 'react';

/** What a field's control needs to be tied to its label, its hint and its error. */
export interface FieldProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface Props {
  label: string;
  hint?: string;
  /** What is wrong with the value, said next to the field; null when nothing is. */
  error?: string | null;
  children: (props: FieldProps) => ReactElement;
}

/**
 * A labelled form field with its hint and, when the value is wrong, what is wrong, right below it; the control
 * (given as a function of the ids to use) is described by both, so a screen reader says them with it.
 */
export function Field({ label, hint, error, children }: Props) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}
