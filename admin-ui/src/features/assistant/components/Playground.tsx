import { useEffect, useRef, useState, type FormEvent } from 'react';
import { locale, text } from '../../../lib/text';
import { askPlayground, type Line, type PlaygroundAnswer } from '../api/prompts';

const t = text.assistant.playground;
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

/** The longest question the server takes (PlaygroundResource). */
const MAX_QUESTION = 4_000;
/** The earlier messages sent with a question (PlaygroundResource takes 20). */
const MAX_HISTORY = 20;

interface Props {
  /** The system prompt as it is in the form, saved or not. */
  systemPrompt: string;
  contextLimit: number;
}

/**
 * Asks the assistant as a visitor would, with the prompt being edited: the answer streams in, then its suggestions
 * (each one asks it), its confidence and whether a visitor would be handed over to a person. The conversation goes on
 * until "Start over"; nothing of it is stored.
 */
export function Playground({ systemPrompt, contextLimit }: Props) {
  const [lines, setLines] = useState<Line[]>([]);
  const [question, setQuestion] = useState('');
  const [streaming, setStreaming] = useState<string | null>(null);
  const [answer, setAnswer] = useState<PlaygroundAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const asking = useRef<AbortController | null>(null);

  useEffect(() => () => asking.current?.abort(), []);

  const ask = (asked: string) => {
    if (!asked.trim() || !systemPrompt || asking.current) {
      return;
    }
    const history = lines.slice(-MAX_HISTORY);
    const controller = new AbortController();
    asking.current = controller;
    setLines([...lines, { role: 'user', text: asked.trim() }]);
    setQuestion('');
    setStreaming('');
    setAnswer(null);
    setFailure(null);
    askPlayground({ systemPrompt, contextLimit, history, question: asked.trim() }, (words) => setStreaming((shown) => (shown ?? '') + words), controller.signal)
      .then((answered) => {
        setAnswer(answered);
        const said = answered.answer;
        if (said) {
          setLines((before) => [...before, { role: 'assistant', text: said }]);
        }
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) {
          setFailure(t.failed(error.message));
        }
      })
      .finally(() => {
        asking.current = null;
        setStreaming(null);
      });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask(question);
  };

  return (
    <section className="playground" aria-labelledby="playground-title">
      <h2 id="playground-title">{t.title}</h2>
      <p className="muted">{t.hint}</p>
      <ol className="playground-lines" aria-label={t.conversation}>
        {lines.map((line, index) => (
          <li key={index} className={line.role === 'user' ? 'from-visitor' : 'from-assistant'}>
            <span className="sender">{line.role === 'user' ? t.visitor : t.assistant}</span>
            <p>{line.text}</p>
          </li>
        ))}
        {streaming !== null && (
          <li className="from-assistant" aria-busy="true">
            <span className="sender">{t.assistant}</span>
            <p>{streaming}</p>
          </li>
        )}
      </ol>
      <p role="status" className="muted">{streaming !== null ? t.answering : ''}</p>
      {answer && <AnswerDetails answer={answer} onSuggestion={ask} />}
      {failure && <p className="error" role="alert">{failure}</p>}
      <form className="playground-ask" onSubmit={submit}>
        <label>
          {t.question}
          <textarea
            rows={2}
            value={question}
            maxLength={MAX_QUESTION}
            onChange={(event) => setQuestion(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                ask(question);
              }
            }}
          />
        </label>
        <div className="form-actions">
          {streaming === null ? (
            <button type="submit" disabled={!question.trim() || !systemPrompt}>{t.ask}</button>
          ) : (
            <button type="button" onClick={() => asking.current?.abort()}>{t.stop}</button>
          )}
          <button type="button" className="quiet" disabled={lines.length === 0 || streaming !== null} onClick={() => {
            setLines([]);
            setAnswer(null);
            setFailure(null);
          }}>
            {t.startOver}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the answer came to: suggestions, confidence, hand-over, who answered; or why nobody did. */
function AnswerDetails({ answer, onSuggestion }: { answer: PlaygroundAnswer; onSuggestion: (suggestion: string) => void }) {
  const nobody = answer.answer == null && answer.handoverReason == null;
  return (
    <div className="answer-details">
      {answer.suggestions.length > 0 && (
        <ul className="suggestions" aria-label={t.suggestions}>
          {answer.suggestions.map((suggestion) => (
            <li key={suggestion}>
              <button type="button" className="quiet" onClick={() => onSuggestion(suggestion)}>{suggestion}</button>
            </li>
          ))}
        </ul>
      )}
      {nobody ? (
        <p className="error">{t.nobody}</p>
      ) : (
        <>
          {answer.answer != null && (
            <p>{answer.confidence == null ? t.noConfidence : t.confidence(percent.format(answer.confidence))}</p>
          )}
          <p>{t.handover} {answer.handoverReason ? t.yes(t.reason(answer.handoverReason)) : t.no}</p>
        </>
      )}
      {answer.answeredBy && answer.latencyMs != null && <p className="muted">{t.answeredBy(answer.answeredBy, answer.latencyMs)}</p>}
      {answer.calls.some((call) => call.outcome !== 'ok') && (
        <ul className="muted calls">
          {answer.calls.map((call, index) => (
            <li key={index}>{t.call(call.configuration, call.outcome, call.error)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
