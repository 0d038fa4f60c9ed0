import './style.css';
import { CHAT_PATH, VISITOR_IN_TYPES, VISITOR_OUT_TYPES } from '@parley/protocol';

/** Lists what the console already knows of the visitor protocol: proof that the shared protocol module is wired in. */
function eventList(title: string, names: readonly string[]): HTMLElement {
  const section = document.createElement('section');
  const h = document.createElement('h2');
  h.textContent = title;
  const ul = document.createElement('ul');
  ul.className = 'events';
  for (const name of names) {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = name;
    li.append(code);
    ul.append(li);
  }
  section.append(h, ul);
  return section;
}

const app = document.getElementById('app')!;
const intro = document.createElement('p');
intro.textContent = `Visitor events on ${CHAT_PATH}, from the shared wire protocol:`;
app.append(
  intro,
  eventList('Visitor → server', VISITOR_IN_TYPES),
  eventList('Server → visitor', VISITOR_OUT_TYPES),
);
