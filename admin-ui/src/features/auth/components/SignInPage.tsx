import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { session, useSession } from '../../../lib/session';
import { text } from '../../../lib/text';
import { signIn } from '../api/auth';
import { oneTimePassword } from '../hooks/oneTimePassword';

export function SignInPage() {
  const { signedIn, notice } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (signedIn) {
    return <Navigate to="/" replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signed = await signIn(email, password);
      oneTimePassword.keep(signed.user.mustChangePassword ? password : null);
      session.signIn(signed);
      navigate(signed.user.mustChangePassword ? '/password' : '/', { replace: true });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="card-page">
      <form className="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{text.signIn.title}</h1>
        {notice && <p className="notice" role="status">{notice}</p>}
        <label>
          {text.signIn.email}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {text.signIn.password}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? text.signIn.signingIn : text.signIn.submit}</button>
      </form>
    </main>
  );
}
