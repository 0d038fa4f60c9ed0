import { useId } from 'react';
import { text } from '../../../lib/text';

interface Props {
  /** null: Parley generates one. */
  password: string | null;
  onChange: (password: string | null) => void;
}

/** Whether Parley generates the password or the admin types one, and the one typed. */
export function PasswordChoice({ password, onChange }: Props) {
  const rules = useId();
  return (
    <fieldset className="password-choice">
      <legend>{text.people.users.passwordChoice}</legend>
      <label>
        <input type="radio" checked={password === null} onChange={() => onChange(null)} />
        {text.people.users.generate}
      </label>
      <label>
        <input type="radio" checked={password !== null} onChange={() => onChange('')} />
        {text.people.users.typeOne}
      </label>
      {password !== null && (
        <label className="stacked">
          {text.people.users.typed}
          <input type="text" autoComplete="off" required minLength={12} maxLength={256} value={password}
            aria-describedby={rules} onChange={(event) => onChange(event.target.value)} />
        </label>
      )}
      <p id={rules} className="hint">{text.people.users.passwordRules}</p>
    </fieldset>
  );
}
