/**
 * The page-world script the fixture server puts right after every fixture's `<head>` tag. It
 * runs before anything else in the page and records, in `window.__site`:
 * - `firstFrame`: whether the centre of the viewport was already our host when the first
 *   animation frame ran (rAF callbacks run before that frame paints: design.md "first-frame probe");
 * - `spaFrame`: the same probe for the frame after an in-app navigation (`spaNavigate`);
 * - `keys` / `inputs`: what a page listener in the capture phase on `window` or `document` can see;
 * - `handled`: what the fixture's own handlers received (the fixtures push into it).
 *
 * Our host is recognised the only way a page can: a direct child of <html> that is neither
 * <head> nor <body> (it carries no attribute, tag or name that says what it is).
 */

export interface FrameProbe {
  covered: boolean;
  /** Tag name of the element at the centre of the viewport, for the report. */
  at: string | null;
}

/** A frame probe that also says whether focus is inside our host (its closed root): the dialog holds it. */
export interface FocusFrameProbe extends FrameProbe {
  focused: boolean;
}

export interface SiteRecorder {
  handled: string[];
  keys: string[];
  inputs: string[];
  firstFrame: FrameProbe | null;
  spaFrame: FrameProbe | null;
  /** Whether a host (a direct child of <html> other than head/body) existed at any time since this script ran. */
  hostSeen: boolean;
  spaNavigate(url: string, bodyHtml: string): Promise<FrameProbe>;
  /**
   * The next frame, probed: call it in the same task as whatever the site does (a navigation by
   * itself), so the probe is the first frame that shows it.
   */
  nextFrame(): Promise<FocusFrameProbe>;
}

function fixtureRuntime(): void {
  const site: Partial<SiteRecorder> = { handled: [], keys: [], inputs: [], firstFrame: null, spaFrame: null, hostSeen: false };
  // The fixtures' own scripts assign `window.__site = { handled: [] }`: merge, so the recorders stay.
  Object.defineProperty(window, '__site', {
    configurable: true,
    get: () => site,
    set: (value: Partial<SiteRecorder>) => Object.assign(site, value),
  });

  const isOurHost = (el: Element | null): boolean =>
    !!el && el.parentElement === document.documentElement && el !== document.head && el !== document.body;
  const probe = (): FrameProbe => {
    const el = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
    return { covered: isOurHost(el), at: el ? el.tagName.toLowerCase() : null };
  };

  // The first frame that can show anything: while the parser has not yet given <body> any
  // height, a frame paints nothing of the page (no person to hide), so the probe waits for the
  // next one. A page whose content appears uncovered is still caught: its body has height then.
  // (A post or thread by id is decided from its markup, which may arrive after the first frame.)
  const nothingToShow = () => !document.body || document.body.getBoundingClientRect().height === 0;
  let framesLeft = 120;
  const firstFrameProbe = () => {
    const seen = probe();
    if (!seen.covered && nothingToShow() && --framesLeft > 0) requestAnimationFrame(firstFrameProbe);
    else site.firstFrame = seen;
  };
  requestAnimationFrame(firstFrameProbe);
  // Records every host that ever appears, even one removed again in the same task.
  const noteHost = () => {
    if ([...document.documentElement.children].some(isOurHost)) site.hostSeen = true;
  };
  noteHost();
  new MutationObserver((records) => {
    // Only <html>'s own children are observed, so any added element that is not head/body is a host.
    const added = records.flatMap((record) => [...record.addedNodes]);
    if (added.some((node) => node.nodeType === Node.ELEMENT_NODE && node.nodeName !== 'HEAD' && node.nodeName !== 'BODY')) site.hostSeen = true;
  }).observe(document.documentElement, { childList: true });
  // Every key event a page can listen to, on `window` and on `document`, in the capture phase.
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keypress', 'keyup']) {
      target.addEventListener(type, (event) => site.keys!.push(`${type}:${(event as KeyboardEvent).key}`), true);
    }
    for (const type of ['beforeinput', 'input']) {
      target.addEventListener(type, (event) => site.inputs!.push((event as InputEvent).data ?? ''), true);
    }
  }

  site.nextFrame = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => resolve({ ...probe(), focused: isOurHost(document.activeElement) }));
    });

  // Like a SPA router: the URL changes, then the new view replaces the old one, in one task.
  site.spaNavigate = (url, bodyHtml) => {
    site.spaFrame = null;
    history.pushState({}, '', url);
    document.body.innerHTML = bodyHtml;
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        site.spaFrame = probe();
        resolve(site.spaFrame);
      });
    });
  };
}

/** The `<script>` element inserted right after `<head>`. */
export const FIXTURE_RUNTIME_TAG = `<script>(${fixtureRuntime.toString()})();</script>`;
