import type { SessionStatus } from '@parley/protocol';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Field } from '../../../lib/Field';
import { text } from '../../../lib/text';
import { listAgents } from '../../presence/api/presence';
import type { Filters } from '../api/sessions';
import { QueryStatus } from '../../../lib/QueryStatus';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Whether the view holds other people's conversations, so that choosing whose makes sense. */
  byAgent: boolean;
}

const STATUSES = Object.keys(text.status) as SessionStatus[];

/** The filters of the inbox behind a button that says how many are on: status, agent, the days a conversation started. */
export function InboxFilters({ filters, onChange, byAgent }: Props) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const on = Object.values(filters).filter(Boolean).length;

  return (
    <div className="filters">
      <button type="button" className="quiet" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
        {on > 0 ? text.inbox.filters.toggleCount(on) : text.inbox.filters.toggle}
      </button>
      {open && (
        <fieldset id={panel} className="filter-fields">
          <legend className="sr-only">{text.inbox.filters.label}</legend>
          <FilterFields filters={filters} onChange={onChange} byAgent={byAgent} />
          <button type="button" className="quiet" disabled={on === 0} onClick={() => onChange({})}>
            {text.inbox.filters.clear}
          </button>
        </fieldset>
      )}
    </div>
  );
}

/** The fields of the inbox's filters, wherever conversations are narrowed the same way (the inbox, exports). */
export function FilterFields({ filters, onChange, byAgent }: Props) {
  const agents = useQuery({ queryKey: ['agents'], queryFn: listAgents, enabled: byAgent });
  const change = (name: keyof Filters, value: string) => onChange({ ...filters, [name]: value || undefined });
  return (
    <>
      <Field label={text.inbox.filters.status}>
        {(field) => (
          <select {...field} value={filters.status ?? ''} onChange={(e) => change('status', e.target.value)}>
            <option value="">{text.inbox.filters.anyStatus}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>{text.status[status]}</option>
            ))}
          </select>
        )}
      </Field>
      {byAgent && (
        <Field label={text.inbox.filters.agent}>
          {(field) => (
            <select {...field} value={filters.agentId ?? ''} onChange={(e) => change('agentId', e.target.value)}>
              <option value="">{text.inbox.filters.anyAgent}</option>
              {(agents.data ?? []).map((agent) => (
                <option key={agent.userId} value={agent.userId}>{agent.name}</option>
              ))}
            </select>
          )}
        </Field>
      )}
      {byAgent && agents.isError && <QueryStatus query={agents} failed={text.inbox.filters.agentsFailed} />}
      <Field label={text.inbox.filters.from}>
        {(field) => <input {...field} type="date" value={filters.fromDay ?? ''} max={filters.toDay} onChange={(e) => change('fromDay', e.target.value)} />}
      </Field>
      <Field label={text.inbox.filters.to}>
        {(field) => <input {...field} type="date" value={filters.toDay ?? ''} min={filters.fromDay} onChange={(e) => change('toDay', e.target.value)} />}
      </Field>
    </>
  );
}
