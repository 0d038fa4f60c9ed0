import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { session, useSession } from '../../../lib/session';
import { text } from '../../../lib/text';
import { changePassword, signIn } from '../api/auth';
import { oneTimePassword } from '../hooks/oneTimePassword';

/**
 * Choosing one's own password: forced after signing in with a password someone else chose, before anything else.
 * The server ends every sign-in of the person when the password changes, so the page signs in again with the new one.
 */
export function ChangePasswordPage() {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState(() => oneTimePassword.take() ?? '');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!signedIn) {
    return <Navigate to="/sign-in" replace />;
  }
  const forced = signedIn.user.mustChangePassword;
  const email = signedIn.user.email;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeated) {
      setError(text.password.mismatch);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      session.signIn(await signIn(email, next));
      navigate('/', { replace: true });
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  }

  return (
    <main className="card-page">
      <form className="card" onSubmit={submit} aria-labelledby="password-title">
        <h1 id="password-title">{text.password.title}</h1>
        {forced && <p className="notice">{text.password.forced}</p>}
        <label>
          {text.password.current}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          {text.password.next}
          <input type="password" autoComplete="new-password" required minLength={12} value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="password-rules" />
        </label>
        <p id="password-rules" className="hint">{text.password.rules}</p>
        <label>
          {text.password.repeat}
          <input type="password" autoComplete="new-password" required value={repeated} onChange={(e) => setRepeated(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button type="submit" disabled={busy}>{text.password.submit}</button>
          {!forced && <a href="#/">{text.actions.cancel}</a>}
        </div>
      </form>
    </main>
  );
}
