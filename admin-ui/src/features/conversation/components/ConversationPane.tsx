import type { Session, User } from '@parley/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isAdmin } from '../../../lib/session';
import { text } from '../../../lib/text';
import { seen } from '../../inbox/hooks/seen';
import { assign, release, resolve } from '../../inbox/api/sessions';
import { visitorName } from '../../inbox/components/ConversationList';
import { useConversation } from '../hooks/useConversation';
import { Composer } from './Composer';
import { Transcript } from './Transcript';
import { TransferDialog } from './TransferDialog';
import { VisitorPanel } from './VisitorPanel';

const AnnotateDialog = lazy(() => import('./AnnotateDialog'));

/** One conversation: what was said (live), what the agent can do with it, and who the visitor is. */
export function ConversationPane({ sessionId, me }: { sessionId: string; me: User }) {
  const conversation = useConversation(sessionId);
  const [image, setImage] = useState<Blob | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { view } = useParams();
  const [transferring, setTransferring] = useState(false);
  const session = conversation.session;
  const lastSeq = conversation.messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    seen.mark(sessionId, lastSeq);
  }, [sessionId, lastSeq]);

  const act = useMutation({
    mutationFn: (action: (s: Session) => Promise<Session>) => action(session!),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });

  if (conversation.gone) {
    return (
      <section className="conversation empty-pane">
        <p className="muted" role="status">{text.conversation.gone}</p>
      </section>
    );
  }
  if (!session) {
    return (
      <section className="conversation empty-pane">
        <p className="muted" role="status">{text.loading}</p>
      </section>
    );
  }
  const ended = session.status === 'resolved' || session.status === 'closed';
  const mine = session.assignedAgentId === me.id;
  const admin = isAdmin(me);
  return (
    <section className="conversation" aria-label={text.conversation.label(visitorName(session))}>
      <header className="conversation-header">
        <h2>{visitorName(session)}</h2>
        <span className="status-text">{text.status[session.status]}</span>
        <div className="actions">
          {!ended && !mine && (
            <button type="button" onClick={() => act.mutate((s) => assign(s.id, me.id))} disabled={act.isPending}>
              {text.conversation.take}
            </button>
          )}
          {!ended && mine && (
            <button type="button" onClick={() => act.mutate((s) => release(s.id))} disabled={act.isPending}>
              {text.conversation.release}
            </button>
          )}
          {!ended && (mine || admin) && (
            <button type="button" onClick={() => setTransferring(true)} disabled={act.isPending}>
              {text.transfer.open}
            </button>
          )}
          {!ended && (
            <button type="button" onClick={() => act.mutate((s) => resolve(s.id))} disabled={act.isPending}>
              {text.conversation.resolve}
            </button>
          )}
        </div>
        {act.isError && <p className="error" role="alert">{act.error.message}</p>}
      </header>
      <div className="conversation-body">
        <div className="conversation-main">
          {session.handoffSummary && (
            <section className="handoff-summary" aria-label={text.conversation.summary.label}>
              <h3>{text.conversation.summary.label}</h3>
              <p>{session.handoffSummary}</p>
              <p className="muted">{text.conversation.summary.by}</p>
            </section>
          )}
          <Transcript sessionId={sessionId} conversation={conversation} onSendBack={ended ? undefined : setImage} />
          {ended ? <p className="muted">{text.conversation.ended}</p> : <Composer sessionId={sessionId} onImage={setImage} />}
          {image && (
            <Suspense fallback={<p className="muted" role="status">{text.loading}</p>}>
              <AnnotateDialog image={image} sessionId={sessionId} onClose={() => setImage(null)} />
            </Suspense>
          )}
        </div>
        <VisitorPanel session={session} />
      </div>
      {transferring && (
        <TransferDialog
          session={session}
          me={me}
          onClose={() => setTransferring(false)}
          onDone={() => {
            setTransferring(false);
            void queryClient.invalidateQueries({ queryKey: ['sessions'] });
            // an agent no longer sees what they gave away; an admin sees every conversation and stays with it
            if (!admin) {
              navigate(`/inbox/${view}`);
            }
          }}
        />
      )}
    </section>
  );
}
