import { api, postForEvents } from '../../../lib/api';
import { text } from '../../../lib/text';

/** What the assistant is told, as the Assistant page edits it. */
export interface AssistantSettings {
  systemPrompt: string;
  contextLimit: number;
  imagePrompt: string;
  welcomeMessage: string;
}

export type SettingName = keyof AssistantSettings;

/** Each setting's endpoint: GET reads it, POST replaces it with `{<name>: value}`. */
const PATHS: Record<SettingName, string> = {
  systemPrompt: '/api/admin/system-prompt',
  contextLimit: '/api/admin/context-limit',
  imagePrompt: '/api/admin/image-prompt',
  welcomeMessage: '/api/admin/welcome-message',
};

export const SETTING_NAMES = Object.keys(PATHS) as SettingName[];

export const assistantKey = ['assistant-settings'] as const;

export async function loadSettings(): Promise<AssistantSettings> {
  const read = await Promise.all(SETTING_NAMES.map((name) => api<Partial<AssistantSettings>>('GET', PATHS[name])));
  return Object.assign({}, ...read) as AssistantSettings;
}

export function saveSetting<K extends SettingName>(name: K, value: AssistantSettings[K]): Promise<Partial<AssistantSettings>> {
  return api<Partial<AssistantSettings>>('POST', PATHS[name], { [name]: value });
}

/** One message of the playground's conversation. */
export interface Line {
  role: 'user' | 'assistant';
  text: string;
}

/** What a question in the playground came to (see PlaygroundResource); the server leaves out what it does not have. */
export interface PlaygroundAnswer {
  answer?: string;
  suggestions: string[];
  confidence?: number;
  handoverReason?: string;
  answeredBy?: string;
  latencyMs?: number;
  firstWordsMs?: number;
  calls: { configuration: string; outcome: string; error?: string; latencyMs: number }[];
}

export interface Trial {
  systemPrompt: string;
  contextLimit: number;
  history: Line[];
  question: string;
}

/** Asks the playground; `onWords` gets the answer's words as they stream in. */
export async function askPlayground(trial: Trial, onWords: (words: string) => void, signal: AbortSignal): Promise<PlaygroundAnswer> {
  let answer: PlaygroundAnswer | null = null;
  await postForEvents('/api/admin/assistant/playground', trial, (name, data) => {
    if (name === 'delta') {
      onWords((data as { text: string }).text);
    } else if (name === 'answer') {
      answer = data as PlaygroundAnswer;
    }
  }, signal);
  if (!answer) {
    throw new Error(text.assistant.playground.noAnswer);
  }
  return answer;
}
