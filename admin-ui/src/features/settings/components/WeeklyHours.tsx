import { text } from '../../../lib/text';
import { WEEKDAYS, type Period, type Weekday } from '../api/deskSettings';

// A time field cannot hold "24:00": closing at 00:00 there means at the end of the day, as the server's "24:00" does.
const MIDNIGHT = '00:00';
const END_OF_DAY = '24:00';
const shown = (closes: string) => (closes === END_OF_DAY ? MIDNIGHT : closes);
const stored = (closes: string) => (closes === MIDNIGHT ? END_OF_DAY : closes);

/** What is wrong with a period, in words, or null. */
export function periodProblem(period: Period): string | null {
  if (!period.opens || !period.closes) {
    return text.routing.periodIncomplete(text.routing.days[period.day]);
  }
  return period.closes <= period.opens ? text.routing.periodBackwards(text.routing.days[period.day], period.opens) : null;
}

/** The week's opening periods, several a day if need be; a day without one is closed. */
export function WeeklyHours({ periods, disabled, onChange }: { periods: Period[]; disabled: boolean; onChange: (periods: Period[]) => void }) {
  const replace = (old: Period, next: Period | null) =>
    onChange(periods.flatMap((period) => (period === old ? (next ? [next] : []) : [period])));
  const add = (day: Weekday) => onChange([...periods, { day, opens: '09:00', closes: '17:00' }]);

  return (
    <fieldset className="week" disabled={disabled}>
      <legend>{text.routing.week}</legend>
      {WEEKDAYS.map((day) => {
        const name = text.routing.days[day];
        const ofDay = periods.filter((period) => period.day === day);
        return (
          <div key={day} role="group" aria-label={name} className="weekday">
            <span className="weekday-name">{name}</span>
            <ul>
              {ofDay.length === 0 && <li className="muted">{text.routing.closedAllDay}</li>}
              {ofDay.map((period, index) => (
                <li key={index} className="period">
                  <label>
                    {text.routing.opens}
                    <input type="time" value={period.opens} required aria-invalid={periodProblem(period) !== null}
                      onChange={(e) => replace(period, { ...period, opens: e.target.value })} />
                  </label>
                  <label>
                    {text.routing.closes}
                    <input type="time" value={shown(period.closes)} required aria-invalid={periodProblem(period) !== null}
                      onChange={(e) => replace(period, { ...period, closes: stored(e.target.value) })} />
                  </label>
                  <button type="button" className="quiet" aria-label={text.routing.removePeriod(name, period.opens)} onClick={() => replace(period, null)}>
                    {text.routing.remove}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="quiet" aria-label={text.routing.addPeriodTo(name)} onClick={() => add(day)}>
              {text.routing.addPeriod}
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
