import { useState, type FormEvent } from 'react';
import { QueryStatus } from '../../../lib/QueryStatus';
import { text } from '../../../lib/text';
import { useDeskSettings, useSaveDeskSettings, type DeskSettings, type Strategy } from '../api/deskSettings';
import { ClosedDates } from './ClosedDates';
import { WeeklyHours, periodProblem } from './WeeklyHours';

const STRATEGIES: Strategy[] = ['least-loaded', 'round-robin'];

/** How routing hands out conversations, when the desk is open (weekly hours, closed dates), and what a visitor is told when it is not. */
export function RoutingHoursPage() {
  const settings = useDeskSettings();
  // the form starts again from what is stored when its own changes are saved, never when the data is merely fetched
  // again (the socket's return refetches everything): a refetch must not wipe what the admin is editing
  const [saves, setSaves] = useState(0);
  return (
    <main className="page">
      <h1>{text.routing.title}</h1>
      <QueryStatus query={settings} failed={text.routing.loadFailed} />
      {settings.data && <SettingsForm key={saves} saved={settings.data} onSaved={() => setSaves((count) => count + 1)} />}
    </main>
  );
}

function SettingsForm({ saved, onSaved }: { saved: DeskSettings; onSaved: () => void }) {
  const [draft, setDraft] = useState(saved);
  const save = useSaveDeskSettings();
  const hours = draft.businessHours;
  const problem = hours.periods.map(periodProblem).find((found) => found !== null) ?? null;

  const change = (next: Partial<DeskSettings>) => setDraft({ ...draft, ...next });
  const changeRouting = (next: Partial<DeskSettings['routing']>) => change({ routing: { ...draft.routing, ...next } });
  const changeHours = (next: Partial<DeskSettings['businessHours']>) => change({ businessHours: { ...hours, ...next } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem === null) {
      save.mutate(draft, { onSuccess: onSaved });
    }
  };

  return (
    <>
      <OpenNow settings={saved} />
      <form className="settings-form" onSubmit={submit}>
        <fieldset>
          <legend>{text.routing.routing}</legend>
          <fieldset className="choices">
            <legend>{text.routing.strategy}</legend>
            {STRATEGIES.map((strategy) => (
              <label key={strategy}>
                <input type="radio" name="strategy" checked={draft.routing.strategy === strategy} onChange={() => changeRouting({ strategy })} />
                {text.routing.strategies[strategy]}
              </label>
            ))}
          </fieldset>
          <NumberField label={text.routing.capacity} hint={text.routing.capacityHint} value={draft.routing.defaultCapacity} min={1} max={50}
            onChange={(defaultCapacity) => changeRouting({ defaultCapacity })} />
          <NumberField label={text.routing.countdown} hint={text.routing.countdownHint} value={draft.routing.countdownSeconds} min={1} max={86400}
            onChange={(countdownSeconds) => changeRouting({ countdownSeconds })} />
          <NumberField label={text.routing.acceptance} hint={text.routing.acceptanceHint} value={draft.routing.acceptanceSeconds} min={1} max={86400}
            onChange={(acceptanceSeconds) => changeRouting({ acceptanceSeconds })} />
          <label className="check">
            <input type="checkbox" checked={draft.aiResumesAfterAgent} onChange={(e) => change({ aiResumesAfterAgent: e.target.checked })} />
            {text.routing.aiResumes}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.requestsBeforeMessage} onChange={(e) => change({ requestsBeforeMessage: e.target.checked })} />
            {text.routing.requestsBeforeMessage}
          </label>
        </fieldset>

        <fieldset>
          <legend>{text.routing.hours}</legend>
          <label className="check">
            <input type="checkbox" checked={hours.enabled} onChange={(e) => changeHours({ enabled: e.target.checked })} />
            {text.routing.keepHours}
          </label>
          <TimeZone value={hours.timeZone} disabled={!hours.enabled} onChange={(timeZone) => changeHours({ timeZone })} />
          <WeeklyHours periods={hours.periods} disabled={!hours.enabled} onChange={(periods) => changeHours({ periods })} />
          <ClosedDates dates={hours.closedDates} disabled={!hours.enabled} onChange={(closedDates) => changeHours({ closedDates })} />
          <label>
            {text.routing.closedMessage}
            <textarea rows={3} maxLength={2000} required value={draft.closedMessage} onChange={(e) => change({ closedMessage: e.target.value })} />
          </label>
        </fieldset>

        {problem && <p className="error" role="alert">{problem}</p>}
        {save.isError && <p className="error" role="alert">{text.routing.saveFailed(save.error.message)}</p>}
        <div className="row">
          <button type="submit" disabled={save.isPending || problem !== null}>{save.isPending ? text.routing.saving : text.routing.save}</button>
        </div>
      </form>
    </>
  );
}

/** Whether the desk takes conversations at this moment, by the settings as saved. */
function OpenNow({ settings }: { settings: DeskSettings }) {
  const now = settings.now;
  if (!now) {
    return null;
  }
  const said = !settings.businessHours.enabled
    ? text.routing.alwaysOpen
    : now.open
      ? text.routing.openNow
      : now.closedDate
        ? text.routing.closedToday(now.closedDate)
        : text.routing.closedNow;
  return <p className={now.open ? 'open-now notice' : 'open-now notice closed'} role="status">{said}</p>;
}

function NumberField({ label, hint, value, min, max, onChange }: {
  label: string; hint: string; value: number; min: number; max: number; onChange: (value: number) => void;
}) {
  return (
    <label>
      {label}
      <input type="number" min={min} max={max} required value={Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.target.valueAsNumber)} />
      <span className="hint">{hint}</span>
    </label>
  );
}

function TimeZone({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (zone: string) => void }) {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = zones.includes(value) ? zones : [value, ...zones];
  return (
    <label>
      {text.routing.timeZone}
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {all.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
      </select>
    </label>
  );
}
