import type { Session } from '@parley/protocol';
import { at } from '../../../lib/time';
import { text } from '../../../lib/text';

/** Who the visitor is, as the widget told Parley, and how they rated the conversation. */
export function VisitorPanel({ session }: { session: Session }) {
  const visitor = session.visitor ?? {};
  const rows: [string, string | undefined][] = [
    [text.visitor.name, visitor.name],
    [text.visitor.email, visitor.email],
    [text.visitor.page, visitor.page],
    [text.visitor.referrer, visitor.referrer],
    [text.visitor.locale, visitor.locale],
    [text.visitor.started, at(session.createdAt)],
    [text.visitor.rating, session.rating ? text.visitor.stars(session.rating.score, session.rating.comment) : undefined],
  ];
  return (
    <aside className="visitor" aria-label={text.visitor.label}>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || text.visitor.unknown}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
