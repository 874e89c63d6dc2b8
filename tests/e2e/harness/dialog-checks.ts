/** Checks on our interstitial inside its closed root, shared by the dialog suites. */
import type { E2ePage } from './types';

/** Polls `fn` inside our closed root until it returns a truthy value (waitFor runs page-world, blind to the root). */
export async function waitInRoot<R, A = undefined>(
  page: E2ePage,
  fn: (root: ShadowRoot, arg: A) => R,
  arg?: A,
  timeoutMs = 10_000,
): Promise<NonNullable<R>> {
  const until = Date.now() + timeoutMs;
  let last: R | undefined;
  for (;;) {
    last = await page.inRoot(fn, arg as A).catch(() => undefined);
    if (last) return last as NonNullable<R>;
    if (Date.now() > until) throw new Error(`waitInRoot timed out; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The data-action (or tag) of what has focus inside our root; '' when nothing there has it. */
export function focusedInRoot(page: E2ePage): Promise<string> {
  return page.inRoot((root) => {
    const active = root.activeElement;
    if (!active) return '';
    return active.getAttribute('data-action') ?? active.getAttribute('data-part') ?? active.tagName.toLowerCase();
  });
}

/** Which buttons our dialog offers right now, by data-action, in order. */
export function actionsInRoot(page: E2ePage): Promise<string[]> {
  return page.inRoot((root) => [...root.querySelectorAll('dialog [data-action]')].map((el) => el.getAttribute('data-action') ?? ''));
}

/** The text of one part of the dialog ([data-part=…]), whitespace collapsed. */
export function partText(page: E2ePage, part: string): Promise<string> {
  return page.inRoot(
    (root, name) => root.querySelector(`[data-part="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    part,
  );
}

/** Everything our root adds in text, for "no handle anywhere". */
export function rootText(page: E2ePage): Promise<string> {
  return page.inRoot((root) => root.innerHTML);
}

/** True when the element at the centre of the viewport is our host and our dialog is open. */
export function isOurDialogOnTop(page: E2ePage): Promise<boolean> {
  return page.evaluate(() => {
    const hit = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
    return !!hit && hit.parentElement === document.documentElement && hit !== document.head && hit !== document.body;
  });
}

/** What the page's capture-phase recorders on `window` saw: keys and input data. */
export function pageKeystrokes(page: E2ePage): Promise<{ keys: string[]; inputs: string[] }> {
  return page.evaluate(() => {
    const site = (window as unknown as { __site: { keys: string[]; inputs: string[] } }).__site;
    return { keys: [...site.keys], inputs: [...site.inputs] };
  });
}
