import './style.css';
import { AGENT_PATH, CHAT_PATH, agentClientFrames, agentServerFrames, visitorClientFrames, visitorServerFrames } from '@parley/protocol';

/** Lists the frames of both sockets from the shared wire catalogue: proof that @parley/protocol is wired in. */
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
intro.textContent = `Frames of ${CHAT_PATH} (visitors) and ${AGENT_PATH} (agents and admins), from the shared wire catalogue:`;
app.append(
  intro,
  eventList('Visitor → server', visitorClientFrames),
  eventList('Server → visitor', visitorServerFrames),
  eventList('Agent → server', agentClientFrames),
  eventList('Server → agent', agentServerFrames),
);
