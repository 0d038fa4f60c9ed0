import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../lib/Dialog';
import { Field } from '../../../lib/Field';
import { text } from '../../../lib/text';
import type { ConfigChange, LlmConfig, Provider } from '../api/fleet';

type PresetName = keyof typeof text.assistant.config.preset;

/** What each preset fills in: the provider, a sensible model, and the base URL of a local server. */
const PRESETS: Record<PresetName, { provider: Provider; model: string; baseUrl: string }> = {
  openai: { provider: 'openai', model: 'gpt-4o-mini', baseUrl: '' },
  gemini: { provider: 'gemini', model: 'gemini-2.0-flash', baseUrl: '' },
  anthropic: { provider: 'anthropic', model: 'claude-3-5-haiku-latest', baseUrl: '' },
  compatible: { provider: 'openai', model: 'llama3.1', baseUrl: 'http://localhost:11434/v1' },
};

const DEFAULT_TIMEOUT_SECONDS = 15;

interface Props {
  /** The configuration to edit; none to add one. */
  config?: LlmConfig;
  onSave: (change: ConfigChange) => Promise<unknown>;
  onClose: () => void;
}

/**
 * Adds a configuration (from a preset) or edits one. The key is write-only: an edited configuration shows the last
 * four characters of the stored one and takes a new one only after "Replace key".
 */
export function ConfigDialog({ config, onSave, onClose }: Props) {
  const t = text.assistant.config;
  const [preset, setPreset] = useState<PresetName | null>(config ? null : 'openai');
  const [provider, setProvider] = useState<Provider>(config?.provider ?? 'openai');
  const [model, setModel] = useState(config?.model ?? PRESETS.openai.model);
  const [baseUrl, setBaseUrl] = useState(config?.baseUrl ?? '');
  const [replacingKey, setReplacingKey] = useState(!config);
  const [apiKey, setApiKey] = useState('');
  const [timeout, setTimeoutSeconds] = useState(String(config ? config.timeoutMs / 1000 : DEFAULT_TIMEOUT_SECONDS));
  const [enabled, setEnabled] = useState(config?.enabled ?? true);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = (name: PresetName) => {
    setPreset(name);
    setProvider(PRESETS[name].provider);
    setModel(PRESETS[name].model);
    setBaseUrl(PRESETS[name].baseUrl);
  };

  const needsBaseUrl = preset === 'compatible';
  const errors = {
    model: model.trim() === '' ? t.modelNeeded : null,
    baseUrl: baseUrl.trim() === '' ? (needsBaseUrl ? t.baseUrlNeeded : null) : /^https?:\/\/\S+$/.test(baseUrl.trim()) ? null : t.baseUrlInvalid,
    timeout: /^\d{1,3}$/.test(timeout) && Number(timeout) >= 1 && Number(timeout) <= 120 ? null : t.timeoutInvalid,
  };
  const keyLeftBehind = config?.apiKeyLast4 && !replacingKey && (provider !== config.provider || baseUrl.trim() !== (config.baseUrl ?? ''));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) {
      return;
    }
    setSaving(true);
    setFailure(null);
    onSave({
      id: config?.id,
      provider,
      model: model.trim(),
      baseUrl: baseUrl.trim() || undefined,
      apiKey: replacingKey && apiKey.trim() ? apiKey.trim() : undefined,
      timeoutMs: Number(timeout) * 1000,
      enabled,
    })
      .then(onClose)
      .catch((error: Error) => {
        setFailure(error.message);
        setSaving(false);
      });
  };

  const shown = (error: string | null) => (tried ? error : null);
  return (
    <Dialog title={config ? t.editTitle(`${text.assistant.provider[config.provider]} ${config.model}`) : t.addTitle} onClose={onClose}>
      <form className="config-form" onSubmit={submit} noValidate>
        {!config && (
          <fieldset className="presets">
            <legend>{t.presets}</legend>
            {(Object.keys(PRESETS) as PresetName[]).map((name) => (
              <label key={name}>
                <input type="radio" name="preset" checked={preset === name} onChange={() => choose(name)} />
                {t.preset[name]}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          {t.provider}
          <select value={provider} onChange={(event) => setProvider(event.target.value as Provider)}>
            {(Object.keys(text.assistant.provider) as Provider[]).map((name) => (
              <option key={name} value={name}>{text.assistant.provider[name]}</option>
            ))}
          </select>
        </label>
        <Field label={t.model} error={shown(errors.model)}>
          {(props) => <input {...props} value={model} onChange={(event) => setModel(event.target.value)} maxLength={200} />}
        </Field>
        <Field label={t.baseUrl} hint={needsBaseUrl ? undefined : t.baseUrlHint} error={shown(errors.baseUrl)}>
          {(props) => <input {...props} type="url" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} maxLength={500} required={needsBaseUrl} />}
        </Field>
        {replacingKey ? (
          <Field label={config ? t.newKey : t.apiKey} hint={needsBaseUrl ? t.apiKeyOptional : t.apiKeyHint}>
            {(props) => <input {...props} type="password" autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.target.value)} maxLength={500} />}
          </Field>
        ) : (
          <div className="key-line">
            <span>{config?.apiKeyLast4 ? t.keyKept(config.apiKeyLast4) : text.assistant.fleet.noKey}</span>
            <button type="button" onClick={() => setReplacingKey(true)}>{t.replaceKey}</button>
          </div>
        )}
        {config && replacingKey && (
          <button type="button" className="quiet" onClick={() => { setReplacingKey(false); setApiKey(''); }}>{t.keepKey}</button>
        )}
        {keyLeftBehind && <p className="warning">{t.keyLeftBehind}</p>}
        <Field label={t.timeout} error={shown(errors.timeout)}>
          {(props) => <input {...props} type="number" min={1} max={120} value={timeout} onChange={(event) => setTimeoutSeconds(event.target.value)} />}
        </Field>
        <label className="inline">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          {t.enabled}
        </label>
        {failure && <p className="error" role="alert">{failure}</p>}
        <div className="dialog-actions">
          <button type="submit" disabled={saving}>{saving ? t.saving : config ? t.save : t.add}</button>
          <button type="button" className="quiet" onClick={onClose}>{text.actions.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
