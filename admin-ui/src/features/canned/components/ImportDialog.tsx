import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Dialog } from '../../../lib/Dialog';
import { text } from '../../../lib/text';
import { commitImport, previewImport, type ImportAction, type ImportPreview, type PreviewRow } from '../api/canned';

const t = text.cannedResponses.import;
/** Rows drawn in the preview: the refused ones always come first, and a person reads no further than this. */
const SHOWN = 200;
const ORDER: Record<ImportAction, number> = { refused: 0, create: 1, update: 2, unchanged: 3 };

interface Props {
  onClose: () => void;
  onImported: (created: number, updated: number) => void;
}

/**
 * Importing a workbook: choosing it shows what it would do (the server reads it and keeps nothing); "Import" sends the
 * same file again with the preview's digest, and the server imports all of its rows or none. While any row is refused
 * there is nothing to import: the person fixes the file and chooses it again.
 */
export function ImportDialog({ onClose, onImported }: Props) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: previewImport });
  const commit = useMutation({
    mutationFn: ({ workbook, digest }: { workbook: File; digest: string }) => commitImport(workbook, digest),
    onSuccess: (done) => onImported(done.created, done.updated),
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    commit.reset();
    if (chosen) {
      preview.mutate(chosen);
    } else {
      preview.reset();
    }
  };
  const plan = preview.data;
  const toImport = plan ? plan.create + plan.update : 0;

  return (
    <Dialog title={t.title} onClose={onClose}>
      <div className="import">
        <p className="muted">{t.intro}</p>
        <label htmlFor={fileId}>{t.file}</label>
        <input
          id={fileId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          // the same file chosen again (after fixing it) is a change too
          onClick={(event) => {
            event.currentTarget.value = '';
          }}
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
        {preview.isPending && <p className="muted" role="status">{t.reading}</p>}
        {preview.isError && <p className="error" role="alert">{t.failed(preview.error.message)}</p>}
        {plan && file && (
          <>
            <p role="status">{t.summary(plan.create, plan.update, plan.unchanged, plan.refused)}</p>
            {plan.refused > 0 && <p className="error" role="alert">{t.refused(plan.refused)}</p>}
            {plan.refused === 0 && toImport === 0 && <p className="muted">{t.nothing}</p>}
            <PreviewTable plan={plan} />
            {commit.isError && <p className="error" role="alert">{t.commitFailed(commit.error.message)}</p>}
            <div className="dialog-actions">
              <button
                type="button"
                disabled={plan.refused > 0 || toImport === 0 || commit.isPending}
                onClick={() => commit.mutate({ workbook: file, digest: plan.digest })}
              >
                {commit.isPending ? t.importing : t.commit(toImport)}
              </button>
              <button type="button" className="quiet" onClick={onClose}>{text.actions.cancel}</button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

function PreviewTable({ plan }: { plan: ImportPreview }) {
  const rows = [...plan.rows].sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.row - b.row);
  return (
    <>
      <div className="import-rows">
        <table aria-label={t.rows}>
          <thead>
            <tr>
              <th scope="col">{t.row}</th>
              <th scope="col">{t.what}</th>
              <th scope="col">{text.cannedResponses.column.trigger}</th>
              <th scope="col">{text.cannedResponses.column.shortcut}</th>
              <th scope="col">{t.details}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((row) => (
              <tr key={row.row} className={row.action}>
                <th scope="row">{row.row}</th>
                <td>{t.action[row.action]}</td>
                <td className="trigger">{row.trigger}</td>
                <td>{row.shortcut}</td>
                <td>{details(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && <p className="muted">{t.more(rows.length - SHOWN)}</p>}
    </>
  );
}

function details(row: PreviewRow) {
  if (row.reasons.length > 0) {
    return (
      <ul className="reasons">
        {row.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    );
  }
  return row.changes.length > 0 ? t.changes(row.changes) : row.response;
}
