import type { Role, User } from '@parley/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { showAsStored } from '../../../lib/cache';
import { Dialog } from '../../../lib/Dialog';
import { QueryStatus } from '../../../lib/QueryStatus';
import { useSession } from '../../../lib/session';
import { text } from '../../../lib/text';
import { When } from '../../../lib/When';
import { changeRoles, getUser, resetPassword, roleChanges, setActive } from '../api/users';
import { OneTimePassword } from './OneTimePassword';
import { PasswordChoice } from './PasswordChoice';
import { RoleChoice } from './RoleChoice';
import { roleNames, status } from './words';

/** One person: their roles (changed here, with their history), their access, a new password. */
export function UserDetail({ id }: { id: string }) {
  const user = useQuery({ queryKey: ['users', 'one', id], queryFn: () => getUser(id) });
  return (
    <>
      <p><Link to="?">{text.people.users.back}</Link></p>
      <QueryStatus query={user} failed={text.people.users.detailFailed} />
      {user.data && <Person key={user.data.id} user={user.data} />}
    </>
  );
}

function Person({ user }: { user: User }) {
  const { signedIn } = useSession();
  const queries = useQueryClient();
  const changed = async (next: User) => {
    await showAsStored(queries, ['users', 'one', next.id], next);
    void queries.invalidateQueries({ queryKey: ['users'] });
    void queries.invalidateQueries({ queryKey: ['role-changes', next.id] });
  };
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const saveRoles = useMutation({ mutationFn: () => changeRoles(user.id, roles), onSuccess: changed });
  const [confirming, setConfirming] = useState<'deactivate' | 'reset' | null>(null);
  const activation = useMutation({ mutationFn: (active: boolean) => setActive(user.id, active), onSuccess: changed });
  const self = signedIn?.user.id === user.id;
  const unchanged = [...roles].sort().join() === [...user.roles].sort().join();

  return (
    <section className="person" aria-labelledby="person-name">
      <h2 id="person-name">{user.name}</h2>
      <dl className="facts">
        <div><dt>{text.people.users.email}</dt><dd>{user.email}</dd></div>
        <div><dt>{text.people.users.status}</dt><dd>{status(user)}</dd></div>
        <div><dt>{text.people.users.added}</dt><dd><When iso={user.createdAt} /></dd></div>
      </dl>

      <form className="person-roles" onSubmit={(event) => { event.preventDefault(); saveRoles.mutate(); }}>
        <RoleChoice roles={roles} onChange={setRoles} />
        <button type="submit" disabled={unchanged || roles.length === 0 || saveRoles.isPending}>{text.people.users.saveRoles}</button>
        {roles.length === 0 && <p className="error" role="alert">{text.people.users.noRoles}</p>}
        {saveRoles.isError && <p className="error" role="alert">{saveRoles.error.message}</p>}
        {saveRoles.isSuccess && unchanged && <p role="status">{text.people.users.rolesSaved}</p>}
      </form>

      <h3>{text.people.users.access}</h3>
      <div className="row">
        {user.active ? (
          <button type="button" disabled={self} onClick={() => setConfirming('deactivate')}>{text.people.users.deactivate}</button>
        ) : (
          <button type="button" disabled={activation.isPending} onClick={() => activation.mutate(true)}>{text.people.users.reactivate}</button>
        )}
        <button type="button" className="quiet" disabled={self || !user.active} onClick={() => setConfirming('reset')}>{text.people.users.reset}</button>
      </div>
      {activation.isError && <p className="error" role="alert">{activation.error.message}</p>}
      {activation.isSuccess && (
        <p role="status">{user.active ? text.people.users.reactivated(user.name) : text.people.users.deactivated(user.name)}</p>
      )}

      <RoleHistory id={user.id} />

      {confirming === 'deactivate' && (
        <Dialog title={text.people.users.deactivateTitle(user.name)} onClose={() => setConfirming(null)}>
          <div className="dialog-body">
            <p>{text.people.users.deactivateWhat}</p>
            <div className="row">
              <button type="button" onClick={() => { setConfirming(null); activation.mutate(false); }}>{text.people.users.deactivate}</button>
              <button type="button" className="quiet" onClick={() => setConfirming(null)}>{text.actions.cancel}</button>
            </div>
          </div>
        </Dialog>
      )}
      {confirming === 'reset' && <ResetDialog user={user} onClose={() => setConfirming(null)} />}
    </section>
  );
}

function ResetDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const queries = useQueryClient();
  const [password, setPassword] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: () => resetPassword(user.id, password ?? undefined),
    onSuccess: async (result) => {
      await showAsStored(queries, ['users', 'one', user.id], result.user);
      void queries.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <Dialog title={text.people.users.resetTitle(user.name)} onClose={onClose}>
      {reset.data ? (
        <div className="dialog-body">
          <p role="status">
            {reset.data.generatedPassword ? text.people.users.generated(user.name) : text.people.users.resetTyped(user.name)}
          </p>
          {reset.data.generatedPassword && <OneTimePassword password={reset.data.generatedPassword} />}
          <button type="button" onClick={onClose}>{text.people.users.done}</button>
        </div>
      ) : (
        <form className="dialog-body" onSubmit={(event) => { event.preventDefault(); reset.mutate(); }}>
          <p>{text.people.users.resetWhat}</p>
          <PasswordChoice password={password} onChange={setPassword} />
          {reset.isError && <p className="error" role="alert">{reset.error.message}</p>}
          <div className="row">
            <button type="submit" disabled={reset.isPending}>{text.people.users.resetSubmit}</button>
            <button type="button" className="quiet" onClick={onClose}>{text.actions.cancel}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function RoleHistory({ id }: { id: string }) {
  const history = useQuery({ queryKey: ['role-changes', id], queryFn: () => roleChanges(id) });
  return (
    <section aria-labelledby="role-history">
      <h3 id="role-history">{text.people.users.history}</h3>
      <QueryStatus query={history} failed={text.people.users.historyFailed} />
      {history.data?.length === 0 && <p className="muted">{text.people.users.noHistory}</p>}
      {history.data && history.data.length > 0 && (
        <ol className="role-history">
          {history.data.map((change) => (
            <li key={`${change.changedAt}:${change.changedBy}`}>
              <When iso={change.changedAt} />{' '}
              {text.people.users.change(roleNames(change.oldRoles), roleNames(change.newRoles), change.changedByName)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
