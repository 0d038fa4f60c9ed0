import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Field, type FieldProps } from '../../../lib/Field';
import { QueryStatus } from '../../../lib/QueryStatus';
import { Pager } from '../../../lib/Pager';
import { text } from '../../../lib/text';
import { When } from '../../../lib/When';
import { findAnswers, markAnswer, PAGE_SIZE, type AccuracyEntry, type QualityFilters } from '../api/accuracy';

const KEY = ['admin', 'accuracy'];

/**
 * The accuracy log, newest first and paged by the server: each answer of the assistant with the question it answered,
 * where it came from, the visitor's thumbs and rating; an admin marks it correct or wrong and opens its conversation.
 */
export function QualityPage() {
  const [filters, setFilters] = useState<QualityFilters>({});
  const [page, setPage] = useState(0);
  const answers = useQuery({ queryKey: [...KEY, filters, page], queryFn: () => findAnswers(filters, page), placeholderData: keepPreviousData });
  const narrow = (next: QualityFilters) => {
    setFilters(next);
    setPage(0);
  };
  const data = answers.data;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <main className="page">
      <h1>{text.quality.title}</h1>
      <p className="muted">{text.quality.hint}</p>
      <Filters filters={filters} onChange={narrow} />
      <QueryStatus query={answers} failed={text.quality.failed} />
      {data && data.total === 0 && <p className="muted" role="status">{filtered ? text.quality.noMatch : text.quality.none}</p>}
      {data && data.items.length > 0 && (
        <ul className="answers" aria-label={text.quality.list}>
          {data.items.map((entry) => <Entry key={entry.id} entry={entry} />)}
        </ul>
      )}
      {/* outside the list: a page emptied by marking its last answer can still be left */}
      {data && <Pager page={page} size={PAGE_SIZE} total={data.total} onPage={setPage} label={text.quality.pages} />}
    </main>
  );
}

function Filters({ filters, onChange }: { filters: QualityFilters; onChange: (filters: QualityFilters) => void }) {
  const change = (name: keyof QualityFilters, value: string) => onChange({ ...filters, [name]: value || undefined });
  const choices = (name: 'provider' | 'responseType' | 'marked', any: string, options: Record<string, string>) => (field: FieldProps) => (
    <select {...field} value={filters[name] ?? ''} onChange={(e) => change(name, e.target.value)}>
      <option value="">{any}</option>
      {Object.entries(options).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
    </select>
  );
  return (
    <fieldset className="filter-fields quality-filters">
      <legend className="sr-only">{text.quality.filters}</legend>
      <Field label={text.quality.provider}>{choices('provider', text.quality.anyProvider, text.quality.providers)}</Field>
      <Field label={text.quality.type}>{choices('responseType', text.quality.anyType, text.quality.types)}</Field>
      <Field label={text.quality.marked}>{choices('marked', text.quality.anyMark, text.quality.markedChoices)}</Field>
      <Field label={text.quality.from}>
        {(field) => <input {...field} type="date" value={filters.fromDay ?? ''} max={filters.toDay} onChange={(e) => change('fromDay', e.target.value)} />}
      </Field>
      <Field label={text.quality.to}>
        {(field) => <input {...field} type="date" value={filters.toDay ?? ''} min={filters.fromDay} onChange={(e) => change('toDay', e.target.value)} />}
      </Field>
      <button type="button" className="quiet" disabled={!Object.values(filters).some(Boolean)} onClick={() => onChange({})}>
        {text.quality.clear}
      </button>
    </fieldset>
  );
}

function Entry({ entry }: { entry: AccuracyEntry }) {
  const heading = useId();
  return (
    <li className="answer" aria-labelledby={heading}>
      <h2 id={heading} className="answer-question">{entry.question ?? text.quality.noQuestion}</h2>
      <p className="answer-text">{entry.answer ?? text.quality.noAnswer}</p>
      <p className="answer-facts muted">
        <span>{text.quality.types[entry.responseType]}</span>
        {entry.provider && <span>{text.quality.providers[entry.provider]}{entry.model && ` · ${entry.model}`}</span>}
        {entry.confidence != null && <span>{text.quality.confidence(Math.round(entry.confidence * 100))}</span>}
        <span>{text.quality.latency(entry.latencyMs)}</span>
        <When iso={entry.at} />
      </p>
      <p className="answer-feedback">
        <span>{entry.helpful == null ? text.quality.noThumbs : entry.helpful ? text.quality.thumbsUp : text.quality.thumbsDown}</span>
        <span>{entry.rating == null ? text.quality.notRated : text.quality.rated(entry.rating, entry.ratingComment ?? null)}</span>
      </p>
      <Verdict entry={entry} />
      <Link to={`/inbox/all/${entry.sessionId}`}>{text.quality.open}</Link>
    </li>
  );
}

/** What a person made of the answer, and the form to say it (again): correct or wrong, with a comment. */
function Verdict({ entry }: { entry: AccuracyEntry }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [correct, setCorrect] = useState(entry.humanMark !== 'incorrect');
  const [comment, setComment] = useState(entry.humanComment ?? '');
  const group = useId();
  const mark = useMutation({
    mutationFn: () => markAnswer(entry.messageId!, correct, comment),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mark.mutate();
  };
  const current = entry.humanMark && (
    <p className={entry.humanMark === 'incorrect' ? 'error' : undefined}>
      {text.quality.markedAs(entry.humanMark === 'correct', entry.humanComment ?? null)}
    </p>
  );
  if (!entry.messageId) {
    return current;
  }
  if (!editing) {
    return (
      <div className="row">
        {current}
        <button type="button" className="quiet" onClick={() => setEditing(true)}>
          {entry.humanMark ? text.quality.markAgain : text.quality.mark}
        </button>
      </div>
    );
  }
  return (
    <form className="verdict" aria-label={text.quality.markForm} onSubmit={submit}>
      <fieldset className="choices">
        <legend>{text.quality.verdict}</legend>
        <label><input type="radio" name={group} checked={correct} onChange={() => setCorrect(true)} />{text.quality.correct}</label>
        <label><input type="radio" name={group} checked={!correct} onChange={() => setCorrect(false)} />{text.quality.wrong}</label>
      </fieldset>
      <Field label={text.quality.comment}>
        {(field) => <textarea {...field} rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <div className="row">
        <button type="submit" disabled={mark.isPending}>{text.quality.saveMark}</button>
        <button type="button" className="quiet" onClick={() => setEditing(false)}>{text.actions.cancel}</button>
      </div>
      {mark.isError && <p className="error" role="alert">{text.quality.markFailed(mark.error.message)}</p>}
    </form>
  );
}
