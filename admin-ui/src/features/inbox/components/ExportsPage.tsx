import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { saveLink } from '../../../lib/saveFile';
import { text } from '../../../lib/text';
import { exportLink, type ExportFormat, type Filters } from '../api/sessions';
import { FilterFields } from './InboxFilters';

const FORMATS: ExportFormat[] = ['csv', 'json'];

/**
 * Conversations, with every message, to a file: narrowed as the inbox narrows them. The browser follows a link that
 * is valid for a minute, so the file streams into its downloads however large it is.
 */
export function ExportsPage() {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const download = useMutation({
    mutationFn: () => exportLink(format, search, filters),
    onSuccess: ({ url }) => saveLink(url),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    download.mutate();
  };

  return (
    <main className="page">
      <h1>{text.exports.title}</h1>
      <p className="muted">{text.exports.hint}</p>
      <form className="settings-form" onSubmit={submit}>
        <fieldset>
          <legend>{text.exports.which}</legend>
          <label>
            {text.exports.search}
            <input type="search" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <FilterFields filters={filters} onChange={setFilters} byAgent />
        </fieldset>
        <fieldset className="choices">
          <legend>{text.exports.format}</legend>
          {FORMATS.map((choice) => (
            <label key={choice}>
              <input type="radio" name="format" checked={format === choice} onChange={() => setFormat(choice)} />
              {text.exports.formats[choice]}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <button type="submit" disabled={download.isPending}>{text.exports.download}</button>
          {download.isSuccess && <p className="muted" role="status">{text.exports.started}</p>}
        </div>
        {download.isError && <p className="error" role="alert">{text.exports.failed(download.error.message)}</p>}
      </form>
    </main>
  );
}
