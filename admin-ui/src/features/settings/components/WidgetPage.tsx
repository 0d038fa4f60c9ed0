import { WIDGET_PREVIEW_PATH, type WidgetLook, type WidgetPreviewMessage } from '@parley/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { showAsStored } from '../../../lib/cache';
import { QueryStatus } from '../../../lib/QueryStatus';
import { text } from '../../../lib/text';
import { getLook, getSites, LOOK_KEY, saveLook, uploadLogo } from '../api/widget';

/**
 * The widget's look (title, colour, side, launcher text, logo) with the real widget beside it showing the changes before
 * they are saved; the tag that embeds it; the sites that may.
 */
export function WidgetPage() {
  const look = useQuery({ queryKey: LOOK_KEY, queryFn: getLook });
  return (
    <main className="page">
      <h1>{text.widget.title}</h1>
      <p className="muted">{text.widget.hint}</p>
      <QueryStatus query={look} failed={text.widget.failed} />
      {look.data && <LookEditor saved={look.data} />}
      <Snippet />
      <Sites />
    </main>
  );
}

function LookEditor({ saved }: { saved: WidgetLook }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(saved);
  const [done, setDone] = useState(false);
  const change = (part: Partial<WidgetLook>) => {
    setDraft((before) => ({ ...before, ...part }));
    setDone(false);
  };
  const save = useMutation({
    mutationFn: saveLook,
    onSuccess: async (stored) => {
      await showAsStored(queryClient, LOOK_KEY, stored);
      setDraft(stored);
      setDone(true);
    },
  });
  const upload = useMutation({ mutationFn: uploadLogo, onSuccess: (logo) => change({ logoUrl: logo.logoUrl }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const chooseLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) {
      upload.mutate(file);
    }
  };
  const ids = { title: useId(), color: useId(), launcher: useId(), launcherHint: useId(), logo: useId(), logoHint: useId() };
  const unsaved = JSON.stringify(draft) !== JSON.stringify(saved);

  return (
    <div className="widget-layout">
      <form className="widget-form" aria-label={text.widget.form} onSubmit={submit}>
        <label htmlFor={ids.title}>{text.widget.titleField}</label>
        <input id={ids.title} required maxLength={60} value={draft.title} onChange={(e) => change({ title: e.target.value })} />
        <label htmlFor={ids.color}>{text.widget.color}</label>
        <input id={ids.color} type="color" value={draft.color} onChange={(e) => change({ color: e.target.value })} />
        <fieldset className="choices">
          <legend>{text.widget.side}</legend>
          {(['left', 'right'] as const).map((side) => (
            <label key={side}>
              <input type="radio" name="side" value={side} checked={draft.position === side} onChange={() => change({ position: side })} />
              {text.widget.sides[side]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.launcher}>{text.widget.launcherText}</label>
        <input id={ids.launcher} maxLength={40} aria-describedby={ids.launcherHint} value={draft.launcherText}
          onChange={(e) => change({ launcherText: e.target.value })} />
        <p id={ids.launcherHint} className="hint">{text.widget.launcherHint}</p>
        <fieldset className="logo">
          <legend>{text.widget.logo}</legend>
          {draft.logoUrl ? <img src={draft.logoUrl} alt={text.widget.logoAlt} /> : <p className="muted">{text.widget.noLogo}</p>}
          <label htmlFor={ids.logo}>{text.widget.upload}</label>
          <input id={ids.logo} type="file" accept="image/png,image/jpeg,image/gif,image/webp" aria-describedby={ids.logoHint}
            disabled={upload.isPending} onChange={chooseLogo} />
          <p id={ids.logoHint} className="hint">{text.widget.logoRules}</p>
          {draft.logoUrl && (
            <button type="button" className="quiet" onClick={() => change({ logoUrl: null })}>{text.widget.removeLogo}</button>
          )}
          {upload.isPending && <p className="muted" role="status">{text.widget.uploading}</p>}
          {upload.isError && <p className="error" role="alert">{text.widget.uploadFailed(upload.error.message)}</p>}
        </fieldset>
        <div className="row">
          <button type="submit" disabled={save.isPending || !unsaved}>{save.isPending ? text.widget.saving : text.widget.save}</button>
          <span role="status">{done && !unsaved ? text.widget.saved : unsaved ? text.widget.unsaved : ''}</span>
        </div>
        {save.isError && <p className="error" role="alert">{text.widget.saveFailed(save.error.message)}</p>}
      </form>
      <Preview look={draft} />
    </div>
  );
}

/**
 * The real widget (loader and chat, as Parley serves them) on a page of Parley's own in a frame, open, connected to
 * nobody; each change of the look is posted to it, to Parley's origin only. Only Parley's own pages may frame that page.
 */
function Preview({ look }: { look: WidgetLook }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const heading = useId();
  const post = () => {
    const message: WidgetPreviewMessage = { type: 'look', look };
    frame.current?.contentWindow?.postMessage({ parley: 1, message }, location.origin);
  };
  useEffect(post, [look]);
  return (
    <section className="widget-preview" aria-labelledby={heading}>
      <h2 id={heading}>{text.widget.preview}</h2>
      <p className="hint">{text.widget.previewHint}</p>
      <iframe ref={frame} title={text.widget.previewFrame} src={WIDGET_PREVIEW_PATH} onLoad={post} />
    </section>
  );
}

/** The one tag a site adds, with Parley's own address. */
function Snippet() {
  const heading = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  const snippet = `<script async src="${location.origin}/widget/parley.js"></script>`;
  const copy = () => {
    navigator.clipboard.writeText(snippet).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section className="widget-section" aria-labelledby={heading}>
      <h2 id={heading}>{text.widget.embed}</h2>
      <p className="muted">{text.widget.embedHint}</p>
      <pre className="snippet"><code>{snippet}</code></pre>
      <div className="row">
        <button type="button" onClick={copy}>{text.widget.copy}</button>
        <span role="status" className={copied === false ? 'error' : undefined}>
          {copied === null ? '' : copied ? text.widget.copied : text.widget.copyFailed}
        </span>
      </div>
    </section>
  );
}

/** Who may embed the widget: Parley's configuration, read only. */
function Sites() {
  const heading = useId();
  const sites = useQuery({ queryKey: ['admin', 'widget', 'sites'], queryFn: getSites });
  return (
    <section className="widget-section" aria-labelledby={heading}>
      <h2 id={heading}>{text.widget.sites}</h2>
      <QueryStatus query={sites} failed={text.widget.sitesFailed} />
      {sites.data &&
        (sites.data.everySite ? (
          <p>{text.widget.everySite}</p>
        ) : sites.data.origins.length === 0 ? (
          <p>{text.widget.noSite}</p>
        ) : (
          <ul aria-label={text.widget.sites}>
            {sites.data.origins.map((origin) => <li key={origin}><code>{origin}</code></li>)}
          </ul>
        ))}
      <p className="hint">{text.widget.sitesHint}</p>
    </section>
  );
}
