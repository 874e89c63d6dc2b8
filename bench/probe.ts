/**
 * Bench-only page-world probe, put in front of the fixture runtime (so it is the page's first
 * script). It records when our host appears as a direct child of <html>, the only way a page can
 * see it (tests/e2e/harness/fixture-runtime.ts explains why):
 * - `firstScriptAt`: performance.now() when the page's first script ran (after any document_start
 *   content script, which runs before the parser reaches it);
 * - `responseStartAt`: when the page's first byte came (navigation timing): the parser, and with
 *   it any document_start content script, starts after it, so `firstScriptAt - responseStartAt`
 *   leaves out the wait for the answer (the harness's interception makes that wait vary by tens of ms);
 * - `coverAt`: when the host appeared; when it was already there at the first script, that time
 *   (an upper bound: the cover came earlier);
 * - `hostAtWall`: the same moment as wall-clock ms (timeOrigin + now), to compare with the driver;
 * - `spaStart` / `spaCoverAt`: set around an in-app navigation;
 * - `dialogAtWall`: wall-clock ms when focus first went into our host after the last reset (the
 *   dialog's showModal moves focus to its first control: the page sees a focusin retargeted to the
 *   host, the only sign of the dialog it can see through the closed root);
 * - `hostFrames`: how many rendered frames (rAF callbacks) found our host on <html>, from the first
 *   script on (issue "Nothing slips past", item 1: 0 on pages of people not guarded).
 */
export interface BenchProbe {
  firstScriptAt: number;
  responseStartAt: number;
  coverAt: number | null;
  coveredAtFirstScript: boolean;
  hostAtWall: number | null;
  spaStart: number | null;
  spaCoverAt: number | null;
  dialogAtWall: number | null;
  hostFrames: number;
}

function benchProbe(): void {
  const isOurHost = (node: Node): boolean =>
    node instanceof Element && node.parentElement === document.documentElement && node !== document.head && node !== document.body;
  const now = performance.now();
  const present = [...document.documentElement.children].some(isOurHost);
  const probe: BenchProbe = {
    firstScriptAt: now,
    responseStartAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseStart ?? 0,
    coverAt: present ? now : null,
    coveredAtFirstScript: present,
    hostAtWall: present ? performance.timeOrigin + now : null,
    spaStart: null,
    spaCoverAt: null,
    dialogAtWall: null,
    hostFrames: 0,
  };
  (window as unknown as { __benchProbe: BenchProbe }).__benchProbe = probe;
  new MutationObserver((records) => {
    for (const record of records) {
      if (![...record.addedNodes].some(isOurHost)) continue;
      const at = performance.now();
      probe.coverAt ??= at;
      probe.hostAtWall = performance.timeOrigin + at;
      if (probe.spaStart !== null && probe.spaCoverAt === null) probe.spaCoverAt = at;
    }
  }).observe(document.documentElement, { childList: true });
  document.addEventListener(
    'focusin',
    (event) => {
      if (probe.dialogAtWall === null && event.target instanceof Node && isOurHost(event.target)) probe.dialogAtWall = performance.timeOrigin + performance.now();
    },
    true,
  );
  // Counted for the first 600 frames (about 10 s at 60 Hz), enough for any load the bench makes.
  let framesLeft = 600;
  const countFrame = () => {
    if ([...document.documentElement.children].some(isOurHost)) probe.hostFrames++;
    if (--framesLeft > 0) requestAnimationFrame(countFrame);
  };
  requestAnimationFrame(countFrame);
}

const PROBE_TAG = `<script>(${benchProbe.toString()})();</script>`;

/** The page with the probe inserted right after `<head>` (before the fixture runtime). */
export function withProbe(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('page has no <head> tag');
  const at = head.index + head[0].length;
  return html.slice(0, at) + PROBE_TAG + html.slice(at);
}
