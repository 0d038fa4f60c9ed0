import { text } from '../../../lib/text';
import type { ClosedDate } from '../api/deskSettings';

/** Days the desk is closed all day (holidays), whatever its weekly hours say. */
export function ClosedDates({ dates, disabled, onChange }: { dates: ClosedDate[]; disabled: boolean; onChange: (dates: ClosedDate[]) => void }) {
  const replace = (index: number, next: ClosedDate | null) =>
    onChange(dates.flatMap((date, at) => (at === index ? (next ? [next] : []) : [date])));

  return (
    <fieldset className="closed-dates" disabled={disabled}>
      <legend>{text.routing.closedDates}</legend>
      {dates.length === 0 && <p className="muted">{text.routing.noClosedDates}</p>}
      <ul>
        {dates.map((date, index) => (
          <li key={index} className="period">
            <label>
              {text.routing.date}
              <input type="date" required value={date.date} onChange={(e) => replace(index, { ...date, date: e.target.value })} />
            </label>
            <label>
              {text.routing.dateName}
              <input type="text" required maxLength={100} value={date.name} onChange={(e) => replace(index, { ...date, name: e.target.value })} />
            </label>
            <button type="button" className="quiet" aria-label={text.routing.removeDate(date.name || date.date)} onClick={() => replace(index, null)}>
              {text.routing.remove}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="quiet" onClick={() => onChange([...dates, { date: '', name: '' }])}>
        {text.routing.addDate}
      </button>
    </fieldset>
  );
}
