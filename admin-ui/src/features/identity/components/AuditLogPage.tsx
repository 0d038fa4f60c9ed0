import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../lib/Dialog';
import { Pager } from '../../../lib/Pager';
import { QueryStatus } from '../../../lib/QueryStatus';
import { Field } from '../../../lib/Field';
import { text } from '../../../lib/text';
import { exactly } from '../../../lib/time';
import { When } from '../../../lib/When';
import { AUDIT_PAGE_SIZE, auditActions, findAudit, type AuditEntry, type AuditFilters } from '../api/audit';
import { listUsers } from '../api/users';

const words = text.people.audit;

/** An action code in words; one this console does not know yet, as it is. */
const actionText = (action: string) => words.actions[action] ?? action;

/** What admins changed, newest first, filtered by who, what and when, a page at a time; each entry opens in full. */
export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const entries = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => findAudit(filters, page),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.values(filters).some(Boolean);
  const change = (next: AuditFilters) => {
    setFilters(next);
    setPage(0);
  };

  return (
    <main className="page">
      <h1>{words.title}</h1>
      <p className="muted">{words.hint}</p>
      <Filters filters={filters} onChange={change} />
      <QueryStatus query={entries} failed={words.failed} />
      {entries.data?.total === 0 && <p className="muted" role="status">{filtered ? words.noMatch : words.empty}</p>}
      {entries.data && entries.data.total > 0 && (
        <table className="admin-table">
          <caption className="sr-only">{words.list}</caption>
          <thead>
            <tr>
              <th scope="col">{words.when}</th>
              <th scope="col">{words.who}</th>
              <th scope="col">{words.what}</th>
              <th scope="col">{words.detail}</th>
              <th scope="col"><span className="sr-only">{words.open}</span></th>
            </tr>
          </thead>
          <tbody>
            {entries.data.items.map((entry) => (
              <tr key={entry.id}>
                <td><When iso={entry.at} /></td>
                <td>{entry.actorEmail ?? words.nobody}</td>
                <th scope="row">{actionText(entry.action)}</th>
                <td className="cut">{entry.detail ?? words.none}</td>
                <td><button type="button" className="quiet" onClick={() => setOpen(entry)}>{words.open}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.data && <Pager page={page} size={AUDIT_PAGE_SIZE} total={entries.data.total} onPage={setPage} label={words.pages} />}
      {open && <EntryDialog entry={open} onClose={() => setOpen(null)} />}
    </main>
  );
}

function Filters({ filters, onChange }: { filters: AuditFilters; onChange: (filters: AuditFilters) => void }) {
  // everyone who could have acted: the largest page the server gives
  const people = useQuery({ queryKey: ['users', 'everyone'], queryFn: () => listUsers('', 0, 200) });
  const actions = useQuery({ queryKey: ['audit', 'actions'], queryFn: auditActions });
  const set = (name: keyof AuditFilters, value: string) => onChange({ ...filters, [name]: value || undefined });
  return (
    <fieldset className="filter-fields audit-filters">
      <legend className="sr-only">{words.filters}</legend>
      <Field label={words.who}>
        {(field) => (
          <select {...field} value={filters.actorId ?? ''} onChange={(event) => set('actorId', event.target.value)}>
            <option value="">{words.anyone}</option>
            {(people.data?.items ?? []).map((person) => (
              <option key={person.id} value={person.id}>{`${person.name} (${person.email})`}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={words.what}>
        {(field) => (
          <select {...field} value={filters.action ?? ''} onChange={(event) => set('action', event.target.value)}>
            <option value="">{words.anything}</option>
            {(actions.data ?? []).map((action) => (
              <option key={action} value={action}>{actionText(action)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={words.from}>
        {(field) => <input {...field} type="date" value={filters.fromDay ?? ''} max={filters.toDay} onChange={(event) => set('fromDay', event.target.value)} />}
      </Field>
      <Field label={words.to}>
        {(field) => <input {...field} type="date" value={filters.toDay ?? ''} min={filters.fromDay} onChange={(event) => set('toDay', event.target.value)} />}
      </Field>
      <button type="button" className="quiet" disabled={!Object.values(filters).some(Boolean)} onClick={() => onChange({})}>{words.clear}</button>
      {people.isError && <QueryStatus query={people} failed={words.choicesFailed} />}
      {actions.isError && <QueryStatus query={actions} failed={words.choicesFailed} />}
    </fieldset>
  );
}

function EntryDialog({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  return (
    <Dialog title={words.entryTitle} onClose={onClose}>
      <dl className="facts">
        <div><dt>{words.what}</dt><dd>{actionText(entry.action)} <code>{entry.action}</code></dd></div>
        <div><dt>{words.who}</dt><dd>{entry.actorEmail ?? words.nobody}</dd></div>
        <div><dt>{words.when}</dt><dd><time dateTime={entry.at}>{exactly(entry.at)}</time></dd></div>
        <div><dt>{words.target}</dt><dd>{entry.targetName ? words.person(entry.targetName, entry.target ?? '') : entry.target ?? words.none}</dd></div>
        <div><dt>{words.detail}</dt><dd className="detail-text">{entry.detail ?? words.none}</dd></div>
        <div><dt>{words.address}</dt><dd>{entry.clientAddress ?? words.none}</dd></div>
      </dl>
    </Dialog>
  );
}
