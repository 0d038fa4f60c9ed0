import { useId, type ReactNode } from 'react';

/** A label above its control, tied by id: a select's name is the label alone, not its options' text too. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
