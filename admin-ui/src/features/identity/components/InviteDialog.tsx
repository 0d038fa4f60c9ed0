import type { Role } from '@parley/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../lib/Dialog';
import { text } from '../../../lib/text';
import { invite } from '../api/users';
import { OneTimePassword } from './OneTimePassword';
import { PasswordChoice } from './PasswordChoice';
import { RoleChoice } from './RoleChoice';

/** Invites someone: name, e-mail, roles, a password; then shows the password Parley generated, this once. */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [password, setPassword] = useState<string | null>(null);
  const invited = useMutation({
    mutationFn: () => invite({ name, email, roles, password: password ?? undefined }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['users'] }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invited.mutate();
  };

  if (invited.data) {
    const { user, generatedPassword } = invited.data;
    return (
      <Dialog title={text.people.users.inviteTitle} onClose={onClose}>
        <div className="dialog-body">
          <p role="status">{generatedPassword ? text.people.users.generated(user.name) : text.people.users.typedDone(user.name)}</p>
          {generatedPassword && <OneTimePassword password={generatedPassword} />}
          <button type="button" onClick={onClose}>{text.people.users.done}</button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title={text.people.users.inviteTitle} onClose={onClose}>
      <form className="dialog-body" onSubmit={submit}>
        <label className="stacked">
          {text.people.users.name}
          <input required maxLength={200} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="stacked">
          {text.people.users.email}
          <input type="email" required maxLength={254} autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <RoleChoice roles={roles} onChange={setRoles} />
        <PasswordChoice password={password} onChange={setPassword} />
        {invited.isError && <p className="error" role="alert">{invited.error.message}</p>}
        {roles.length === 0 && <p className="error" role="alert">{text.people.users.noRoles}</p>}
        <div className="row">
          <button type="submit" disabled={invited.isPending || roles.length === 0}>{text.people.users.inviteSubmit}</button>
          <button type="button" className="quiet" onClick={onClose}>{text.actions.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
