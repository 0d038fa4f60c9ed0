import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Dialog } from '../../../lib/Dialog';
import { QueryStatus } from '../../../lib/QueryStatus';
import { saveFile } from '../../../lib/saveFile';
import { text } from '../../../lib/text';
import { Pager } from '../../../lib/Pager';
import { When } from '../../../lib/When';
import {
  cannedCategories,
  cannedTemplate,
  changeCanned,
  exportCanned,
  listCanned,
  removeCanned,
  type CannedFilter,
  type CannedResponse,
} from '../api/canned';
import { CannedResponseDialog } from './CannedResponseDialog';
import { ImportDialog } from './ImportDialog';

const SIZE = 50;
const t = text.cannedResponses;

/** What is open over the list: the form (a new response or one to edit), the question before deleting, the import. */
type Open = { kind: 'form'; response?: CannedResponse } | { kind: 'remove'; response: CannedResponse } | { kind: 'import' } | null;

/**
 * The admin's canned responses: searched and filtered by the server, a page of 50 at a time; added and edited in a
 * dialog, switched on and off in the list, deleted after one question; imported from and exported to Excel.
 */
export function CannedResponsesPage() {
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<CannedFilter>({ q: '', category: '', active: '' });
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<Open>(null);
  const [said, setSaid] = useState<string | null>(null);
  const ids = { q: useId(), category: useId(), active: useId() };
  const list = useQuery({
    queryKey: ['canned-admin', filter, page],
    queryFn: () => listCanned(filter, page, SIZE),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery({ queryKey: ['canned-categories'], queryFn: cannedCategories });
  const changed = () => {
    // the admin's list, its categories, and the composer's / list
    void queryClient.invalidateQueries({ queryKey: ['canned-admin'] });
    void queryClient.invalidateQueries({ queryKey: ['canned-categories'] });
    void queryClient.invalidateQueries({ queryKey: ['canned'] });
  };
  const toggle = useMutation({
    mutationFn: (response: CannedResponse) => changeCanned(response.id, { ...response, active: !response.active }),
    onSuccess: changed,
  });
  const downloading = useMutation({
    mutationFn: async (which: 'template' | 'export') =>
      which === 'template'
        ? saveFile(await cannedTemplate(), 'canned-responses-template.xlsx')
        : saveFile(await exportCanned(), 'canned-responses.xlsx'),
  });

  const narrow = (next: Partial<CannedFilter>) => {
    setFilter({ ...filter, ...next });
    setPage(0);
  };
  const filtered = filter.q.trim() !== '' || filter.category !== '' || filter.active !== '';
  const data = list.data;

  return (
    <main className="page canned-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.hint}</p>
      <div className="toolbar">
        <button type="button" onClick={() => setOpen({ kind: 'form' })}>{t.add}</button>
        <button type="button" className="quiet" onClick={() => setOpen({ kind: 'import' })}>{t.importWorkbook}</button>
        <button type="button" className="quiet" disabled={downloading.isPending} onClick={() => downloading.mutate('export')}>
          {t.exportWorkbook}
        </button>
        <button type="button" className="quiet" disabled={downloading.isPending} onClick={() => downloading.mutate('template')}>
          {t.template}
        </button>
      </div>
      {downloading.isError && <p className="error" role="alert">{t.downloadFailed(downloading.error.message)}</p>}
      <p role="status" className="notice" hidden={!said}>{said}</p>

      <form role="search" aria-label={t.filters} className="canned-filters" onSubmit={(event) => event.preventDefault()}>
        {/* for= rather than a wrapping label: a select's options would be part of the label's name */}
        <label htmlFor={ids.q}>{t.search}</label>
        <input id={ids.q} type="search" value={filter.q} placeholder={t.searchHint} onChange={(event) => narrow({ q: event.target.value })} />
        <label htmlFor={ids.category}>{t.category}</label>
        <select id={ids.category} value={filter.category} onChange={(event) => narrow({ category: event.target.value })}>
            <option value="">{t.anyCategory}</option>
            {(categories.data ?? []).map((category) => (
              <option key={category} value={category}>{category}</option>
            ))}
        </select>
        <label htmlFor={ids.active}>{t.activeFilter}</label>
        <select id={ids.active} value={filter.active} onChange={(event) => narrow({ active: event.target.value as CannedFilter['active'] })}>
          <option value="">{t.activeAny}</option>
          <option value="true">{t.activeOnly}</option>
          <option value="false">{t.inactiveOnly}</option>
        </select>
      </form>
      {categories.isError && <QueryStatus query={categories} failed={t.categoriesFailed} />}

      <QueryStatus query={list} failed={t.failed} />
      {data && data.total === 0 && <p className="muted" role="status">{filtered ? t.noMatch : t.empty}</p>}
      {toggle.isError && <p className="error" role="alert">{t.changeFailed(toggle.error.message)}</p>}
      {data && data.total > 0 && (
        <>
          <table className={list.isPlaceholderData ? 'canned-table stale' : 'canned-table'} aria-label={t.list}>
            <thead>
              <tr>
                <th scope="col">{t.column.trigger}</th>
                <th scope="col">{t.column.response}</th>
                <th scope="col">{t.column.matchType}</th>
                <th scope="col">{t.column.category}</th>
                <th scope="col">{t.column.shortcut}</th>
                <th scope="col">{t.column.active}</th>
                <th scope="col"><span className="sr-only">{t.column.actions}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((response) => (
                <tr key={response.id}>
                  <th scope="row" className="trigger">{response.trigger}</th>
                  <td className="response" title={response.response}>{response.response}</td>
                  <td title={t.matchTypeHelp[response.matchType]}>{t.matchType[response.matchType]}</td>
                  <td>{response.category ?? <span className="muted">{t.none}</span>}</td>
                  <td>{response.shortcut ? <code>/{response.shortcut}</code> : <span className="muted">{t.none}</span>}</td>
                  <td>
                    <input
                      type="checkbox"
                      role="switch"
                      aria-label={t.activeToggle(response.trigger)}
                      checked={response.active}
                      disabled={toggle.isPending}
                      onChange={() => toggle.mutate(response)}
                    />
                  </td>
                  <td className="actions">
                    <span className="muted"><When iso={response.updatedAt} /></span>
                    <button type="button" className="quiet" aria-label={t.editLabel(response.trigger)} onClick={() => setOpen({ kind: 'form', response })}>
                      {t.edit}
                    </button>
                    <button type="button" className="quiet" aria-label={t.removeLabel(response.trigger)} onClick={() => setOpen({ kind: 'remove', response })}>
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} size={SIZE} total={data.total} onPage={setPage} label={t.pages} />
        </>
      )}

      {open?.kind === 'form' && (
        <CannedResponseDialog
          response={open.response}
          categories={categories.data ?? []}
          onClose={() => setOpen(null)}
          onSaved={() => {
            changed();
            setOpen(null);
          }}
        />
      )}
      {open?.kind === 'remove' && (
        <RemoveDialog
          response={open.response}
          onClose={() => setOpen(null)}
          onRemoved={() => {
            changed();
            setOpen(null);
          }}
        />
      )}
      {open?.kind === 'import' && (
        <ImportDialog
          onClose={() => setOpen(null)}
          onImported={(created, updated) => {
            changed();
            setOpen(null);
            setSaid(t.import.done(created, updated));
          }}
        />
      )}
    </main>
  );
}

/** The one question before a response is deleted. */
function RemoveDialog({ response, onClose, onRemoved }: { response: CannedResponse; onClose: () => void; onRemoved: () => void }) {
  const remove = useMutation({ mutationFn: () => removeCanned(response.id), onSuccess: onRemoved });
  return (
    <Dialog title={t.confirm.title} onClose={onClose}>
      <p>{t.confirm.text(response.trigger)}</p>
      {remove.isError && <p className="error" role="alert">{t.confirm.failed(remove.error.message)}</p>}
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>{t.confirm.remove}</button>
        <button type="button" className="quiet" onClick={onClose}>{text.actions.cancel}</button>
      </div>
    </Dialog>
  );
}
