import { useId, useState } from 'react';
import { text } from '../../../lib/text';

/** The password Parley generated, shown this once, with a button that copies it for the admin to pass on. */
export function OneTimePassword({ password }: { password: string }) {
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => navigator.clipboard.writeText(password).then(() => setCopied(true), () => setCopied(false));
  return (
    <div className="one-time-password">
      <label htmlFor={id}>{text.people.users.oneTimePassword}</label>
      <div className="row">
        <input id={id} readOnly value={password} onFocus={(event) => event.target.select()} />
        <button type="button" onClick={() => void copy()}>{copied ? text.people.copied : text.people.copy}</button>
      </div>
      {copied === false && <p className="error" role="alert">{text.people.copyFailed}</p>}
    </div>
  );
}
