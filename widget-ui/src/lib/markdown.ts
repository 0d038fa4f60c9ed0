/**
 * Markdown-lite for chat messages: paragraphs and line breaks, `- ` / `* ` / `1. ` lists, **bold**, *italic*,
 * `code`, [links](https://…) and bare http(s) links. It builds DOM nodes and puts every piece of text in through
 * text nodes, so nothing in a message is ever parsed as HTML; links go only to http(s) and open in a new tab without
 * access to the widget. Written here rather than taken from a library: the Markdown libraries render to an HTML string
 * (which then needs a sanitiser) and weigh more than this whole widget.
 */
export function renderMarkdown(text: string, doc: Document = document): DocumentFragment {
  const out = doc.createDocumentFragment();
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const ordered = lines.every((l) => /^\s*\d+[.)]\s+/.test(l));
    const bulleted = lines.every((l) => /^\s*[-*•]\s+/.test(l));
    if (lines.length && (ordered || bulleted)) {
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      for (const line of lines) {
        const li = doc.createElement('li');
        li.append(inline(line.replace(/^\s*(\d+[.)]|[-*•])\s+/, ''), doc));
        list.append(li);
      }
      out.append(list);
    } else {
      const p = doc.createElement('p');
      lines.forEach((line, i) => {
        if (i) p.append(doc.createElement('br'));
        p.append(inline(line, doc));
      });
      out.append(p);
    }
  }
  return out;
}

// One pass over the line: code first (nothing inside it is formatting), then links, bold, italic, bare URLs.
const INLINE = /`([^`\n]+)`|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|\*\*(\S(?:[^*\n]*\S)?)\*\*|(?<![\w*])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/g;

function inline(line: string, doc: Document): DocumentFragment {
  const out = doc.createDocumentFragment();
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.append(doc.createTextNode(line.slice(last, at)));
    const [, code, label, href, bold, italic, url] = m;
    if (code != null) out.append(wrap(doc, 'code', code));
    else if (label != null) out.append(link(doc, href, label));
    else if (bold != null) out.append(wrap(doc, 'strong', bold));
    else if (italic != null) out.append(wrap(doc, 'em', italic));
    else out.append(link(doc, url, url));
    last = at + m[0].length;
  }
  if (last < line.length) out.append(doc.createTextNode(line.slice(last)));
  return out;
}

function wrap(doc: Document, tag: string, text: string): HTMLElement {
  const node = doc.createElement(tag);
  node.textContent = text;
  return node;
}

function link(doc: Document, href: string, label: string): HTMLElement {
  const a = doc.createElement('a');
  a.href = href;
  a.textContent = label;
  a.target = '_blank';
  a.rel = 'noopener noreferrer nofollow';
  return a;
}
