import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../../lib/Dialog';
import { text } from '../../../lib/text';
import { MATCH_TYPES, addCanned, changeCanned, type CannedContent, type CannedResponse, type MatchType } from '../api/canned';

const t = text.cannedResponses;
const SHORTCUT = /^\/?[A-Za-z0-9_-]{1,50}$/;

interface Props {
  /** The one to edit; none for a new one. */
  response?: CannedResponse;
  /** Those in use, offered as one types a category. */
  categories: string[];
  onClose: () => void;
  onSaved: () => void;
}

type Problems = Partial<Record<'trigger' | 'response' | 'shortcut', string>>;

/** Adding or editing a canned response: every field labelled, what is wrong said next to it, the server's refusal above the buttons. */
export function CannedResponseDialog({ response, categories, onClose, onSaved }: Props) {
  const [content, setContent] = useState<CannedContent>({
    trigger: response?.trigger ?? '',
    response: response?.response ?? '',
    matchType: response?.matchType ?? 'partial',
    category: response?.category ?? '',
    shortcut: response?.shortcut ?? '',
    active: response?.active ?? true,
  });
  const [problems, setProblems] = useState<Problems>({});
  const ids = { trigger: useId(), response: useId(), shortcut: useId(), matchType: useId(), categories: useId() };
  const save = useMutation({
    mutationFn: (next: CannedContent) => (response ? changeCanned(response.id, next) : addCanned(next)),
    onSuccess: onSaved,
  });
  const set = (next: Partial<CannedContent>) => setContent({ ...content, ...next });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (!content.trigger.trim()) {
      found.trigger = t.form.required(t.form.trigger);
    }
    if (!content.response.trim()) {
      found.response = t.form.required(t.form.response);
    }
    if (content.shortcut?.trim() && !SHORTCUT.test(content.shortcut.trim())) {
      found.shortcut = t.form.badShortcut;
    }
    setProblems(found);
    if (Object.keys(found).length === 0) {
      save.mutate({ ...content, category: content.category?.trim() || null, shortcut: content.shortcut?.trim() || null });
    }
  };

  const field = (name: keyof Problems) => ({
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `${ids[name]}-problem` : undefined,
  });
  const problem = (name: keyof Problems) =>
    problems[name] && (
      <span id={`${ids[name]}-problem`} className="error">
        {problems[name]}
      </span>
    );

  return (
    <Dialog title={response ? t.form.editTitle : t.form.addTitle} onClose={onClose}>
      <form className="canned-form" onSubmit={submit} noValidate>
        <label htmlFor={ids.trigger}>{t.form.trigger}</label>
        <input id={ids.trigger} value={content.trigger} maxLength={500} onChange={(event) => set({ trigger: event.target.value })} {...field('trigger')} />
        <span className="hint">{t.form.triggerHint}</span>
        {problem('trigger')}

        <label htmlFor={ids.response}>{t.form.response}</label>
        <textarea id={ids.response} rows={4} value={content.response} maxLength={10000} onChange={(event) => set({ response: event.target.value })} {...field('response')} />
        {problem('response')}

        <label htmlFor={ids.matchType}>{t.form.matchType}</label>
        <select id={ids.matchType} value={content.matchType} onChange={(event) => set({ matchType: event.target.value as MatchType })} aria-describedby={`${ids.matchType}-help`}>
          {MATCH_TYPES.map((type) => (
            <option key={type} value={type}>{t.matchType[type]}</option>
          ))}
        </select>
        <span id={`${ids.matchType}-help`} className="hint">{t.matchTypeHelp[content.matchType]}</span>

        <label>
          {t.form.category}
          <input list={ids.categories} value={content.category ?? ''} maxLength={100} onChange={(event) => set({ category: event.target.value })} />
        </label>
        <datalist id={ids.categories}>
          {categories.map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>

        <label htmlFor={ids.shortcut}>{t.form.shortcut}</label>
        <input id={ids.shortcut} value={content.shortcut ?? ''} maxLength={51} onChange={(event) => set({ shortcut: event.target.value })} {...field('shortcut')} />
        <span className="hint">{t.form.shortcutHint}</span>
        {problem('shortcut')}

        <label className="check">
          <input type="checkbox" checked={content.active} onChange={(event) => set({ active: event.target.checked })} />
          {t.form.active}
        </label>

        {save.isError && <p className="error" role="alert">{t.form.failed(save.error.message)}</p>}
        <div className="dialog-actions">
          <button type="submit" disabled={save.isPending}>{save.isPending ? t.form.saving : t.form.save}</button>
          <button type="button" className="quiet" onClick={onClose}>{text.actions.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
