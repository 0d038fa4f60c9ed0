import { api } from '../../../lib/api';

export type Provider = 'openai' | 'gemini' | 'anthropic';
export type HealthStatus = 'unknown' | 'healthy' | 'rate_limited' | 'unhealthy';

/** One configuration of the fleet as the server shows it: never its key, at most the key's last four characters. */
export interface LlmConfig {
  id: string;
  provider: Provider;
  model: string;
  baseUrl: string | null;
  priority: number;
  timeoutMs: number;
  enabled: boolean;
  /** The primary: the first enabled configuration in the order, asked first. */
  isActive: boolean;
  apiKeyLast4: string | null;
  // the server leaves out what it does not have (a configuration never checked has no latency): absent, not null
  healthStatus: { status: HealthStatus; lastCheck?: string; latencyMs?: number; error?: string };
}

/**
 * What is saved. `apiKey`: absent keeps the stored key, a new one replaces it; `priority` absent puts a new
 * configuration last and leaves a changed one in its place.
 */
export interface ConfigChange {
  id?: string;
  provider: Provider;
  model: string;
  baseUrl?: string;
  apiKey?: string;
  timeoutMs: number;
  enabled: boolean;
}

/** The accuracy log's figures of one configuration over the last days. */
export interface ConfigFigures {
  configId: string;
  calls: number;
  failures: number;
  errorRate: number;
  averageLatencyMs: number;
}

/** The days the figures beside each configuration cover. */
export const FIGURES_DAYS = 7;

export const fleetKey = ['llm-configs'] as const;
export const figuresKey = ['accuracy', 'configs', FIGURES_DAYS] as const;

/** In the order they are tried. */
export const listConfigs = () => api<LlmConfig[]>('GET', '/api/admin/llm-configs');
export const saveConfig = (change: ConfigChange) => api<LlmConfig>('POST', '/api/admin/llm-config', change);
export const orderConfigs = (ids: string[]) => api<LlmConfig[]>('PUT', '/api/admin/llm-configs/order', { ids });
export const makePrimary = (id: string) => api<LlmConfig>('PATCH', `/api/admin/llm-config/${encodeURIComponent(id)}/activate`);
export const checkConfig = (id: string) => api<LlmConfig>('POST', `/api/admin/llm-config/${encodeURIComponent(id)}/check`);
export const removeConfig = (id: string) => api<void>('DELETE', `/api/admin/llm-config/${encodeURIComponent(id)}`);
export const configFigures = () => api<ConfigFigures[]>('GET', `/api/admin/accuracy/configs?days=${FIGURES_DAYS}`);

/** The settings of a configuration as they are, to save with one of them changed (the key stays). */
export function settingsOf(config: LlmConfig): ConfigChange {
  return {
    id: config.id,
    provider: config.provider,
    model: config.model,
    baseUrl: config.baseUrl ?? undefined,
    timeoutMs: config.timeoutMs,
    enabled: config.enabled,
  };
}
