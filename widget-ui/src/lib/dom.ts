/** Creates an element with classes and attributes. Text goes in through `textContent` only, never as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  attrs?: Record<string, string>,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (attrs) for (const name in attrs) node.setAttribute(name, attrs[name]);
  if (text != null) node.textContent = text;
  return node;
}
