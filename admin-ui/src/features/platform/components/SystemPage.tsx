import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../../../lib/QueryStatus';
import { text } from '../../../lib/text';
import { systemOverview, type SystemOverview } from '../api/system';

const words = text.people.system;

/** How this Parley runs: version, database, health, cluster, allowed origins, TLS. Nothing secret. */
export function SystemPage() {
  const overview = useQuery({ queryKey: ['system'], queryFn: systemOverview });
  return (
    <main className="page">
      <h1>{words.title}</h1>
      <p className="muted">{words.hint}</p>
      <QueryStatus query={overview} failed={words.failed} />
      {overview.data && <Overview system={overview.data} />}
    </main>
  );
}

function Overview({ system }: { system: SystemOverview }) {
  const { database, cluster, origins } = system;
  return (
    <dl className="facts system">
      <div><dt>{words.version}</dt><dd>{system.version}</dd></div>
      <div>
        <dt>{words.database}</dt>
        <dd>
          {database.product ? `${database.product} ${database.version} · ${database.embedded ? words.embedded : words.server}` : words.noDatabase}
          {database.driver && <span className="muted"> · {words.driver}: {database.driver}</span>}
        </dd>
      </div>
      <div>
        <dt>{words.health}</dt>
        <dd>
          <p className={system.ready ? '' : 'error'}>{system.ready ? words.ready : words.notReady}</p>
          <ul className="checks">
            {system.health.map((check) => (
              <li key={check.name}>
                {words.check(check.name)}: <strong>{check.up ? words.up : words.down}</strong>
                {!check.up && Object.entries(check.data).map(([key, value]) => <span key={key} className="muted"> · {key}: {value}</span>)}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{words.cluster}</dt>
        <dd>
          <p>{cluster.clustered ? words.clustered(cluster.members.length) : words.alone}</p>
          <ul className="checks">
            {cluster.members.map((member) => (
              <li key={member.address ?? member.host}>
                {member.address ?? member.host}{member.local && ` · ${words.thisNode}`}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{words.origins}</dt>
        <dd>
          <p>{words.console}: {origins.console.length ? origins.console.join(', ') : words.ownOnly}</p>
          <p>{words.widget}: {origins.widgetAny ? words.everySite : origins.widget.length ? origins.widget.join(', ') : words.ownOnly}</p>
        </dd>
      </div>
      <div><dt>{words.tls}</dt><dd>{system.tlsRequired ? words.tlsRequired : words.tlsOptional}</dd></div>
    </dl>
  );
}
