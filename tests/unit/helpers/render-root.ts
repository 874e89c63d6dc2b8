/**
 * The element a test renders a preact component into: made fresh in the document before each
 * test, emptied (so effects clean up) and removed after it. Call once at the top of a file or a
 * `describe`; read the element through the returned function.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function renderRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
    root = undefined;
  });
  return () => {
    if (!root) throw new Error('renderRoot: read outside a test');
    return root;
  };
}
