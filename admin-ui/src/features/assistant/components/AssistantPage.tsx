import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { showAsStored } from '../../../lib/cache';
import { Field } from '../../../lib/Field';
import { QueryStatus } from '../../../lib/QueryStatus';
import { text } from '../../../lib/text';
import { assistantKey, loadSettings, saveSetting, SETTING_NAMES, type AssistantSettings, type SettingName } from '../api/prompts';
import { Playground } from './Playground';

const t = text.assistant.settings;

/** The longest texts the server takes (PromptsResource, WelcomeMessageResource). */
const MAX_PROMPT = 20_000;
const MAX_WELCOME = 2_000;

/** The form's values as typed: the context limit stays text until it is saved. */
type Draft = Omit<AssistantSettings, 'contextLimit'> & { contextLimit: string };

const LABELS: Record<SettingName, string> = {
  systemPrompt: t.systemPrompt,
  contextLimit: t.contextLimit,
  imagePrompt: t.imagePrompt,
  welcomeMessage: t.welcomeMessage,
};

/**
 * What the assistant is told and what visitors read first, in one form saved together (only what changed is sent),
 * beside a playground that answers with the system prompt and context limit as they are in the form, before saving.
 */
export function AssistantPage() {
  const settings = useQuery({ queryKey: assistantKey, queryFn: loadSettings });
  return (
    <main className="page assistant-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.hint}</p>
      <QueryStatus query={settings} failed={t.failed} />
      {settings.data && <SettingsForm saved={settings.data} />}
    </main>
  );
}

function SettingsForm({ saved }: { saved: AssistantSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notSaved, setNotSaved] = useState<Partial<Record<SettingName, string>>>({});
  const [done, setDone] = useState(false);

  const errors: Record<SettingName, string | null> = {
    systemPrompt: tooLongOrEmpty(draft.systemPrompt, MAX_PROMPT),
    contextLimit: /^\d{1,3}$/.test(draft.contextLimit) && Number(draft.contextLimit) >= 1 && Number(draft.contextLimit) <= 100 ? null : t.limitRange,
    imagePrompt: tooLongOrEmpty(draft.imagePrompt, MAX_PROMPT),
    welcomeMessage: tooLongOrEmpty(draft.welcomeMessage, MAX_WELCOME),
  };
  const values = (): AssistantSettings => ({
    systemPrompt: draft.systemPrompt.trim(),
    contextLimit: Number(draft.contextLimit),
    imagePrompt: draft.imagePrompt.trim(),
    welcomeMessage: draft.welcomeMessage.trim(),
  });
  const changed = SETTING_NAMES.filter((name) => String(values()[name]) !== String(saved[name]));

  const edit = (name: SettingName, value: string) => {
    setDraft((before) => ({ ...before, [name]: value }));
    setDone(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean) || changed.length === 0) {
      return;
    }
    setSaving(true);
    const next = values();
    const failures: Partial<Record<SettingName, string>> = {};
    let kept: AssistantSettings = saved;
    for (const name of changed) {
      try {
        kept = { ...kept, ...(await saveSetting(name, next[name])) };
      } catch (error) {
        failures[name] = (error as Error).message;
      }
    }
    await showAsStored(queryClient, assistantKey, kept);
    setNotSaved(failures);
    setDone(Object.keys(failures).length === 0);
    setSaving(false);
  };

  const field = (name: SettingName) => (tried ? errors[name] : null) ?? notSaved[name] ?? null;
  return (
    <div className="assistant-columns">
      <form className="settings-form" aria-label={t.form} onSubmit={save} noValidate>
        <Field label={t.systemPrompt} hint={t.systemPromptHint} error={field('systemPrompt')}>
          {(props) => <textarea {...props} rows={8} value={draft.systemPrompt} onChange={(event) => edit('systemPrompt', event.target.value)} />}
        </Field>
        <Field label={t.contextLimit} hint={t.contextLimitHint} error={field('contextLimit')}>
          {(props) => <input {...props} type="number" min={1} max={100} value={draft.contextLimit} onChange={(event) => edit('contextLimit', event.target.value)} />}
        </Field>
        <Field label={t.imagePrompt} hint={t.imagePromptHint} error={field('imagePrompt')}>
          {(props) => <textarea {...props} rows={3} value={draft.imagePrompt} onChange={(event) => edit('imagePrompt', event.target.value)} />}
        </Field>
        <Field label={t.welcomeMessage} hint={t.welcomeMessageHint} error={field('welcomeMessage')}>
          {(props) => <textarea {...props} rows={3} value={draft.welcomeMessage} onChange={(event) => edit('welcomeMessage', event.target.value)} />}
        </Field>
        {Object.keys(notSaved).length > 0 && (
          <p className="error" role="alert">
            {(Object.entries(notSaved) as [SettingName, string][]).map(([name, why]) => t.notSaved(LABELS[name], why)).join(' ')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={saving || changed.length === 0}>{saving ? t.saving : t.save}</button>
          <button type="button" className="quiet" disabled={saving || changed.length === 0} onClick={() => {
            setDraft(draftOf(saved));
            setTried(false);
            setNotSaved({});
          }}>
            {t.discard}
          </button>
          <span role="status" className="muted">{changed.length > 0 ? t.unsaved : done ? t.saved : ''}</span>
        </div>
      </form>
      <Playground systemPrompt={draft.systemPrompt.trim()} contextLimit={errors.contextLimit ? saved.contextLimit : Number(draft.contextLimit)} />
    </div>
  );
}

function draftOf(saved: AssistantSettings): Draft {
  return { ...saved, contextLimit: String(saved.contextLimit) };
}

function tooLongOrEmpty(value: string, max: number): string | null {
  return value.trim() === '' ? t.empty : value.length > max ? t.tooLong(max) : null;
}
