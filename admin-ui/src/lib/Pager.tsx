import { text } from './text';

interface Props {
  /** Counted from 0, as the server counts its pages. */
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  /** What the pages are of, for a screen reader: "Pages of the audit log". */
  label: string;
}

/** Previous and Next through a list the server pages, saying which rows of how many are shown. Nothing for one page. */
export function Pager({ page, size, total, onPage, label }: Props) {
  if (total <= size && page === 0) {
    return null;
  }
  const first = page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="quiet" disabled={page === 0} onClick={() => onPage(page - 1)}>{text.pager.previous}</button>
      <span role="status">{text.pager.showing(first, last, total)}</span>
      <button type="button" className="quiet" disabled={last >= total} onClick={() => onPage(page + 1)}>{text.pager.next}</button>
    </nav>
  );
}
