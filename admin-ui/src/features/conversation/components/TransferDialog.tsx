import type { Session, User } from '@parley/protocol';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Dialog } from '../../../lib/Dialog';
import { text } from '../../../lib/text';
import { assign } from '../../inbox/api/sessions';
import { listAgents } from '../../presence/api/presence';
import { QueryStatus } from '../../../lib/QueryStatus';

interface Props {
  session: Session;
  me: User;
  onDone: () => void;
  onClose: () => void;
}

/** Giving the conversation to someone online, by name, seeing how many chats each has now. */
export function TransferDialog({ session, me, onDone, onClose }: Props) {
  const agents = useQuery({ queryKey: ['agents'], queryFn: listAgents });
  const transfer = useMutation({ mutationFn: (agentId: string) => assign(session.id, agentId), onSuccess: onDone });
  const online = (agents.data ?? []).filter(
    (agent) => agent.status === 'online' && agent.userId !== me.id && agent.userId !== session.assignedAgentId,
  );
  return (
    <Dialog title={text.transfer.title} onClose={onClose}>
      <p className="muted">{text.transfer.intro}</p>
      <QueryStatus query={agents} failed={text.transfer.failed} />
      {agents.isSuccess && online.length === 0 && <p className="muted">{text.transfer.nobody}</p>}
      {online.length > 0 && (
        <ul className="agents" aria-label={text.transfer.title}>
          {online.map((agent) => (
            <li key={agent.userId}>
              <span className="who">{agent.name}</span>
              <span className="muted">{text.transfer.load(agent.load, agent.capacity)}</span>
              <button
                type="button"
                aria-label={text.transfer.to(agent.name)}
                disabled={transfer.isPending}
                onClick={() => transfer.mutate(agent.userId)}
              >
                {text.transfer.open}
              </button>
            </li>
          ))}
        </ul>
      )}
      {transfer.isError && <p className="error" role="alert">{transfer.error.message}</p>}
    </Dialog>
  );
}
