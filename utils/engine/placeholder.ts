/**
 * The neutral placeholder a collapsed feed item leaves: "A post is hidden here" and a way to
 * show it. Its own closed shadow root; no name, handle or marker that says whose post it is.
 */
import { plainT as t } from '../copy/plain';

const PLACEHOLDER_CSS = `
:host { all: initial !important; display: block !important; }
div { font: 14px/1.4 system-ui, sans-serif; padding: 0.75rem 1rem; margin: 0.25rem 0; border: 1px dashed #b8b2a4; border-radius: 10px; color: #555a63; display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; }
button { font: inherit; border: 1px solid #b8b2a4; border-radius: 999px; background: transparent; color: inherit; padding: 0.25rem 0.75rem; cursor: pointer; }
@media (prefers-color-scheme: dark) { div { color: #b9bcc4; border-color: #4a4d55; } button { border-color: #4a4d55; } }
@media (forced-colors: active) { div, button { border-color: CanvasText; color: CanvasText; } }
`;

/**
 * `part`: the placeholder stands for one part of an item (a comment's own text, its replies kept),
 * and says so; it takes the part's `slot`, so a web component renders it where the part was.
 */
export function createPlaceholder(doc: Document, item: Element, onShow: () => void, { part = false } = {}): Element {
  const host = doc.createElement('div');
  const slot = part ? item.getAttribute('slot') : null;
  if (slot !== null) host.setAttribute('slot', slot);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = PLACEHOLDER_CSS;
  const box = doc.createElement('div');
  const text = doc.createElement('span');
  text.textContent = t(part ? 'placeholder.hiddenComment' : 'placeholder.hidden');
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = t('placeholder.show');
  button.addEventListener('click', onShow);
  box.append(text, button);
  shadow.append(style, box);
  item.before(host);
  return host;
}
