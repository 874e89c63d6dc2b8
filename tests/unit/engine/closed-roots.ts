/**
 * Test helper: records every shadow root created while a test runs, closed ones included (the
 * page itself never gets a closed root; the tests read what is inside ours through this).
 */
import { vi } from 'vitest';

export function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}
