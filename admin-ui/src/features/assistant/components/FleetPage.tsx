import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { showAsStored } from '../../../lib/cache';
import { Dialog } from '../../../lib/Dialog';
import { QueryStatus } from '../../../lib/QueryStatus';
import { locale, text } from '../../../lib/text';
import { When } from '../../../lib/When';
import {
  checkConfig,
  configFigures,
  figuresKey,
  fleetKey,
  listConfigs,
  makePrimary,
  orderConfigs,
  removeConfig,
  saveConfig,
  settingsOf,
  type ConfigChange,
  type ConfigFigures,
  type LlmConfig,
} from '../api/fleet';
import { ConfigDialog } from './ConfigDialog';

const t = text.assistant.fleet;
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });

const ORDER = ['llm-configs', 'order'];

const nameOf = (config: LlmConfig) => `${text.assistant.provider[config.provider]} ${config.model}`;

/** Which control of which configuration gets the focus back once the list is drawn in its new order. */
type FocusTarget = { id: string; control: 'up' | 'down' };

/**
 * The LLM fleet in the order it is tried, each configuration with its health and the accuracy log's figures of the
 * last days; add (from a preset), edit, reorder (dragging, or Move up and Move down from the keyboard), make primary,
 * enable or disable, test now, delete.
 */
export function FleetPage() {
  const queryClient = useQueryClient();
  const fleet = useQuery({ queryKey: fleetKey, queryFn: listConfigs });
  const figures = useQuery({ queryKey: figuresKey, queryFn: configFigures });
  const [editing, setEditing] = useState<LlmConfig | 'new' | null>(null);
  const [removing, setRemoving] = useState<LlmConfig | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const controls = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<FocusTarget | null>(null);

  const configs = fleet.data ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: fleetKey });
  const failed = (error: Error) => setFailure(t.actionFailed(error.message));

  // one order at a time, in the order chosen: two moves in quick succession must reach the server in that order
  const order = useMutation({
    mutationKey: ORDER,
    scope: { id: 'llm-fleet-order' },
    mutationFn: (ids: string[]) => orderConfigs(ids),
    onMutate: async (ids) => {
      setFailure(null);
      const before = queryClient.getQueryData<LlmConfig[]>(fleetKey);
      if (before) {
        await showAsStored(queryClient, fleetKey, ids.map((id) => before.find((config) => config.id === id)!));
      }
      return before;
    },
    // a later move already shows its order: the answer to an earlier one would put the list back for a moment
    onSuccess: async (ordered) => {
      if (queryClient.isMutating({ mutationKey: ORDER }) === 1) {
        await showAsStored(queryClient, fleetKey, ordered);
      }
    },
    onError: (error, _ids, before) => {
      queryClient.setQueryData(fleetKey, before);
      failed(error);
      void refresh();
    },
  });
  const change = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onMutate: () => setFailure(null),
    onError: failed,
    onSettled: refresh,
  });

  const moveTo = (config: LlmConfig, place: number, focus?: FocusTarget['control']) => {
    const ids = configs.map((each) => each.id).filter((id) => id !== config.id);
    ids.splice(place, 0, config.id);
    focusAfterMove.current = focus ? { id: config.id, control: focus } : null;
    order.mutate(ids);
    setAnnouncement(t.moved(nameOf(config), place + 1, configs.length));
  };

  useLayoutEffect(() => {
    const target = focusAfterMove.current;
    if (target) {
      controls.current.get(`${target.id}:${target.control}`)?.focus();
      focusAfterMove.current = null;
    }
  }, [fleet.data]);

  const drop = (event: DragEvent, onto: LlmConfig) => {
    event.preventDefault();
    const moved = configs.find((config) => config.id === dragged);
    setDragged(null);
    setDropTarget(null);
    if (moved && moved.id !== onto.id) {
      moveTo(moved, configs.indexOf(onto));
    }
  };

  const check = useMutation({
    mutationFn: checkConfig,
    onMutate: () => setFailure(null),
    onSuccess: (checked) => {
      const health = checked.healthStatus;
      setAnnouncement(t.tested(nameOf(checked), health.status === 'healthy' && health.latencyMs != null
        ? `${t.health.healthy}, ${t.answeredIn(health.latencyMs)}`
        : `${t.health[health.status]}${health.error ? `: ${health.error}` : ''}`));
    },
    onError: failed,
    onSettled: refresh,
  });

  return (
    <main className="page fleet">
      <h1>{t.title}</h1>
      <p className="muted">{t.hint}</p>
      <p>
        <button type="button" onClick={() => setEditing('new')}>{t.add}</button>
      </p>
      <p className="notice" role="status">{announcement}</p>
      {failure && <p className="error" role="alert">{failure}</p>}
      <QueryStatus query={fleet} failed={t.failed} />
      {fleet.isSuccess && configs.length === 0 && <p className="muted">{t.empty}</p>}
      {configs.length > 0 && (
        <ol className="configs" aria-label={t.list}>
          {configs.map((config, index) => (
            <li
              key={config.id}
              aria-labelledby={`config-${config.id}`}
              draggable
              className={[dragged === config.id && 'dragged', dropTarget === config.id && 'drop-target', config.enabled || 'off']
                .filter(Boolean).join(' ')}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', config.id);
                setDragged(config.id);
              }}
              onDragOver={(event) => {
                if (dragged) {
                  event.preventDefault();
                  setDropTarget(config.id);
                }
              }}
              onDragLeave={() => setDropTarget((over) => (over === config.id ? null : over))}
              onDragEnd={() => {
                setDragged(null);
                setDropTarget(null);
              }}
              onDrop={(event) => drop(event, config)}
            >
              <span className="grip" aria-hidden="true">⠿</span>
              <div className="config-body">
                <h2 id={`config-${config.id}`}>
                  <span className="place">{t.position(index + 1)}</span> {nameOf(config)}
                  {config.isActive && <> <span className="tag primary">{t.primary}</span></>}
                  {!config.enabled && <> <span className="tag">{t.disabled}</span></>}
                </h2>
                <p className="muted">
                  {config.baseUrl && <span>{t.at(config.baseUrl)} · </span>}
                  {config.apiKeyLast4 ? t.key(config.apiKeyLast4) : t.noKey}
                </p>
                <Health config={config} />
                <Figures figures={figures.data?.find((each) => each.configId === config.id)} loaded={figures.isSuccess} />
                <div className="config-actions">
                  <button
                    type="button"
                    className="quiet"
                    aria-disabled={index === 0}
                    ref={(button) => { if (button) controls.current.set(`${config.id}:up`, button); }}
                    onClick={() => index > 0 && moveTo(config, index - 1, 'up')}
                  >
                    {t.moveUp}
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    aria-disabled={index === configs.length - 1}
                    ref={(button) => { if (button) controls.current.set(`${config.id}:down`, button); }}
                    onClick={() => index < configs.length - 1 && moveTo(config, index + 1, 'down')}
                  >
                    {t.moveDown}
                  </button>
                  {config.enabled && !config.isActive && (
                    <button type="button" className="quiet" onClick={() => change.mutate(() => makePrimary(config.id))}>{t.makePrimary}</button>
                  )}
                  <button type="button" className="quiet" disabled={check.isPending} onClick={() => check.mutate(config.id)}>
                    {check.isPending && check.variables === config.id ? t.testing : t.test}
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    onClick={() => change.mutate(() => saveConfig({ ...settingsOf(config), enabled: !config.enabled }))}
                  >
                    {config.enabled ? t.disable : t.enable}
                  </button>
                  <button type="button" className="quiet" onClick={() => setEditing(config)}>{t.edit}</button>
                  <button type="button" className="quiet danger" onClick={() => setRemoving(config)}>{t.remove}</button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {figures.isError && <QueryStatus query={figures} failed={t.figuresFailed} />}
      {editing && (
        <ConfigDialog
          config={editing === 'new' ? undefined : editing}
          onSave={(next: ConfigChange) => saveConfig(next).then(refresh)}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <Dialog title={t.confirmRemove(nameOf(removing))} onClose={() => setRemoving(null)}>
          <p>{t.removeWarning}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="danger"
              onClick={() => {
                const config = removing;
                setRemoving(null);
                change.mutate(() => removeConfig(config.id));
              }}
            >
              {t.remove}
            </button>
            <button type="button" className="quiet" onClick={() => setRemoving(null)}>{text.actions.cancel}</button>
          </div>
        </Dialog>
      )}
    </main>
  );
}

/** Healthy, rate limited or unhealthy with the error in words; the latency and when it was last checked. */
function Health({ config }: { config: LlmConfig }) {
  const health = config.healthStatus;
  return (
    <p className={`health ${health.status}`}>
      <span className="health-status">{t.health[health.status]}</span>
      {health.status !== 'healthy' && health.error && <span>: {health.error}</span>}
      {health.latencyMs != null && <span> · {t.latency(health.latencyMs)}</span>}
      {health.lastCheck && (
        <span>
          {' · '}
          {t.checked} <When iso={health.lastCheck} />
        </span>
      )}
    </p>
  );
}

function Figures({ figures, loaded }: { figures?: ConfigFigures; loaded: boolean }) {
  if (!loaded) {
    return null;
  }
  return (
    <p className="muted">
      {figures ? t.figures(figures.calls, percent.format(figures.errorRate), figures.averageLatencyMs) : t.noFigures}
    </p>
  );
}
