/** Page-world checks the suites share. Each function runs in the page (no closures). */
import type { E2ePage } from './types';
import type { FrameProbe } from './fixture-runtime';

/** Two frames and a task: the content script and the site's own scripts have had their turn. */
export async function settle(page: E2ePage): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  );
}

/** Tag names of <html>'s element children, in order. */
export function htmlChildren(page: E2ePage): Promise<string[]> {
  return page.evaluate(() => [...document.documentElement.children].map((el) => el.tagName.toLowerCase()));
}

/** True when a direct child of <html> other than head/body exists: our host, as the page sees it. */
export function hasHost(page: E2ePage): Promise<boolean> {
  return page.evaluate(() =>
    [...document.documentElement.children].some((el) => el !== document.head && el !== document.body),
  );
}

/** The document as markup, with the host (if any) left out: what the site itself built. */
export function markupWithoutHost(page: E2ePage): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const child of [...clone.children]) if (child.tagName !== 'HEAD' && child.tagName !== 'BODY') child.remove();
    return clone.outerHTML;
  });
}

export interface HostFacts {
  /** The host's own markup: its tag and attributes (a closed root is not serialised). */
  outerHTML: string;
  attributes: string[];
  inlineStyle: string;
}

export function hostFacts(page: E2ePage): Promise<HostFacts | null> {
  return page.evaluate(() => {
    const host = [...document.documentElement.children].find((el) => el !== document.head && el !== document.body);
    if (!host) return null;
    return {
      outerHTML: host.outerHTML,
      attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`),
      inlineStyle: host.getAttribute('style') ?? '',
    };
  });
}

/** Everything the page can read in its own storage and on <html>, as one string to search. */
export function pageReadableState(page: E2ePage): Promise<string> {
  return page.evaluate(() => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => {
        const key = storage.key(i) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      }).join('\n');
    return [
      dump(localStorage),
      dump(sessionStorage),
      document.cookie,
      [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
    ].join('\n');
  });
}

export function firstFrame(page: E2ePage): Promise<FrameProbe | null> {
  return page.evaluate(() => (window as unknown as { __site: { firstFrame: FrameProbe | null } }).__site.firstFrame);
}

export function handled(page: E2ePage): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __site: { handled: string[] } }).__site.handled]);
}

export interface DialogFacts {
  open: boolean;
  modal: boolean;
  role: string;
  name: string;
  focusInside: boolean;
}

/** What our closed root holds: the dialog, whether it is modal, its name, where focus is. */
export function dialogFacts(page: E2ePage): Promise<DialogFacts | null> {
  return page.inRoot((root) => {
    const dialog = root.querySelector('dialog');
    if (!dialog) return null;
    const labelId = dialog.getAttribute('aria-labelledby');
    const label = labelId ? root.getElementById(labelId) : null;
    const active = root.activeElement;
    return {
      open: dialog.open,
      modal: dialog.matches(':modal'),
      // A <dialog> has the implicit role "dialog" unless a role attribute overrides it.
      role: dialog.getAttribute('role') ?? 'dialog',
      name: label?.textContent?.trim() ?? dialog.getAttribute('aria-label') ?? '',
      focusInside: !!active && dialog.contains(active),
    };
  });
}

/** Waits until our dialog is open (the host exists and the dialog is showing). */
export async function waitForDialog(page: E2ePage): Promise<DialogFacts> {
  await page.waitFor(() =>
    [...document.documentElement.children].some((el) => el !== document.head && el !== document.body),
  );
  const until = Date.now() + 10_000;
  for (;;) {
    const facts = await dialogFacts(page).catch(() => null);
    if (facts?.open) return facts;
    if (Date.now() > until) throw new Error(`our dialog did not open: ${JSON.stringify(facts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Everything the page itself can read that our code could have written to: the host's own
 * markup, every style sheet's text (linked, inline, adopted), page storage, cookies and the
 * attributes of <html> and <body>. One string, to search for a guarded handle.
 */
export function pageVisibleTraces(page: E2ePage): Promise<string> {
  return page.evaluate(() => {
    const host = [...document.documentElement.children].find((el) => el !== document.head && el !== document.body);
    const sheetText = (sheet: CSSStyleSheet) => {
      try {
        return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
      } catch {
        return '';
      }
    };
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => {
        const key = storage.key(i) ?? '';
        return `${key}=${storage.getItem(key) ?? ''}`;
      }).join('\n');
    const attributes = (el: Element | null) => (el ? [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ') : '');
    return [
      host?.outerHTML ?? '',
      ...[...document.styleSheets].map(sheetText),
      ...[...document.adoptedStyleSheets].map(sheetText),
      dump(localStorage),
      dump(sessionStorage),
      document.cookie,
      attributes(document.documentElement),
      attributes(document.body),
    ].join('\n');
  });
}

/** Whether a host was ever attached to <html> since the page's first script ran (fixture runtime). */
export function hostSeen(page: E2ePage): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __site: { hostSeen: boolean } }).__site.hostSeen);
}

/** The current address of the tab. */
export function address(page: E2ePage): Promise<string> {
  return page.evaluate(() => location.href);
}
