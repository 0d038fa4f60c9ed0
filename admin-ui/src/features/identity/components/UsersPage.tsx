import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '../../../lib/Pager';
import { QueryStatus } from '../../../lib/QueryStatus';
import { text } from '../../../lib/text';
import { USERS_PAGE_SIZE, listUsers } from '../api/users';
import { InviteDialog } from './InviteDialog';
import { UserDetail } from './UserDetail';
import { roleNames, status } from './words';

/** Everyone who can sign in, searched by the server; one person's detail when `?person=` names them. */
export function UsersPage() {
  const [params] = useSearchParams();
  const person = params.get('person');
  return (
    <main className="page">
      <h1>{text.people.users.title}</h1>
      {person ? <UserDetail id={person} /> : <UserList />}
    </main>
  );
}

function UserList() {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [inviting, setInviting] = useState(false);
  const users = useQuery({
    queryKey: ['users', 'list', search.trim(), page],
    queryFn: () => listUsers(search, page),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <p className="muted">{text.people.users.hint}</p>
      <div className="toolbar">
        <input type="search" className="search" aria-label={text.people.users.search} placeholder={text.people.users.search}
          value={search} onChange={(event) => { setSearch(event.target.value); setPage(0); }} />
        <button type="button" onClick={() => setInviting(true)}>{text.people.users.invite}</button>
      </div>
      <QueryStatus query={users} failed={text.people.users.failed} />
      {users.data && users.data.total === 0 && <p className="muted" role="status">{text.people.users.noMatch}</p>}
      {users.data && users.data.total > 0 && (
        <table className="admin-table">
          <caption className="sr-only">{text.people.users.list}</caption>
          <thead>
            <tr>
              <th scope="col">{text.people.users.name}</th>
              <th scope="col">{text.people.users.email}</th>
              <th scope="col">{text.people.users.roles}</th>
              <th scope="col">{text.people.users.status}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.id}>
                <th scope="row"><Link to={`?person=${user.id}`}>{user.name}</Link></th>
                <td>{user.email}</td>
                <td>{roleNames(user.roles)}</td>
                <td>{status(user)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.data && <Pager page={page} size={USERS_PAGE_SIZE} total={users.data.total} onPage={setPage} label={text.people.users.pages} />}
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </>
  );
}
