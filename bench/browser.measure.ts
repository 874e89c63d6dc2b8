/**
 * The browser figures of `npm run bench`, for the browser named by E2E_BROWSER, on the build named
 * by E2E_OUTPUT_DIR (scripts/bench.mjs builds .output-bench and runs this once per browser).
 * Every figure is a count or a distribution over repeated runs; costs are ratios against the same
 * page without the extension (the fixture server's control origin) in the same run.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { test } from 'vitest';
import type { SiteScenario } from '../tests/fixtures/sites/scenario-types';
import { CONTROL_ORIGIN, fillPlaceholders, type FixtureVars } from '../tests/e2e/harness/fixture-server';
import type { FrameProbe } from '../tests/e2e/harness/fixture-runtime';
import { handled, settle } from '../tests/e2e/harness/page-checks';
import { browserName, launch, withPage } from '../tests/e2e/harness/session';
import type { E2ePage, E2eSession } from '../tests/e2e/harness/types';
import { benchMode, median, onCurve, repetitions, timing, writeFigures, type Figure } from './figures';
import { withProbe, type BenchProbe } from './probe';
import { cdpOf } from './cdp';
import { heavyHistory, HEAVY_NOW } from './heavy-history';
import { FULLEST_POINT, fullestDocument, peopleDocument, PEOPLE_POINTS, type GuardedAccount } from './guarded-people';
import type { StoredDocument } from '../utils/data/schema';
import { exportDocument } from '../utils/data/transfer';
import { FIRST_STATE_MARK, VIEW_ANSWERED_MARK, VIEW_ASKED_MARK } from '../utils/ui/client';
import { FLOOR_FILE, withStartupFloor } from './startup-floor';

const modules = import.meta.glob<{ scenario: SiteScenario }>('../tests/fixtures/sites/*/scenario.ts', { eager: true });
/** BENCH_SITES=x,bluesky limits the run to those sites (for working on one site's figures). */
const onlySites = process.env.BENCH_SITES?.split(',').filter(Boolean);
const allScenarios = Object.values(modules).map((m) => m.scenario);
const scenarios = allScenarios.filter((s) => !onlySites || onlySites.includes(s.site));
/**
 * BENCH_STEPS=cold-presses,busy-feed limits the run to those steps (for working on one figure):
 * nobody-guarded, full-loads, in-app, presses, cold-presses, not-guarded, startup, startup-floor, busy-feed,
 * popup, heavy-history.
 */
const onlySteps = process.env.BENCH_STEPS?.split(',').filter(Boolean);
const runs = (step: string): boolean => !onlySteps || onlySteps.includes(step);

const LOADS = repetitions(30, 5);
const PRESSES = repetitions(30, 3);
const COLD_PRESSES = repetitions(20, 3);
const FEED_PAIRS = repetitions(5, 2);
const STARTUP_PAIRS = repetitions(30, 4);
const POPUP_OPENS = repetitions(10, 3);
const HEAVY_OPENS = repetitions(20, 3);
const FEED_ITEMS = 5_000;
const FEED_BATCH = 50;
const BUSY_FEED_URL = 'https://x.com/home?bench=busy-feed';
const BENCH_GUARDED_X = 'bench_guarded_x';

const browser = browserName();
const mode = benchMode();
/** `--throttle=N`: Chromium's CPU slowed N times (CDP Emulation.setCPUThrottlingRate) on each page. */
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? '4');
/** The rate the next bench page gets (1: none); set around the throttled pass. */
let cpuRate = 1;

/** The driver's own page object (playwright Page or puppeteer Page): both have the same mouse calls. */
interface RawMouse {
  move(x: number, y: number): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}
function rawMouse(page: E2ePage): RawMouse {
  return (page as unknown as { page: { mouse: RawMouse } }).page.mouse;
}


/**
 * A new tab for a figure, with the CPU slowed `cpuRate` times in Chromium (the throttled pass).
 * The CDP session stays attached for the tab's life: the rate holds across its navigations
 * (throttleCheck measures that it does, cross-site ones included).
 */
async function withBenchPage<R>(session: E2eSession, run: (page: E2ePage) => Promise<R>): Promise<R> {
  return withPage(session, async (page) => {
    if (cpuRate > 1) await (await cdpOf(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    return run(page);
  });
}

/**
 * Loads `url` and waits until the new document's first-frame probe has run, or until the page
 * has become one of our extension pages (the pause page replaces some guarded pages). The
 * harness's goto waits for the load event of the page asked for, which never comes in Firefox
 * when that page is replaced: so the navigation is started on the driver's page, not awaited.
 */
async function loadGuarded(page: E2ePage, url: string): Promise<'site' | 'left'> {
  await page.evaluate(() => ((window as unknown as { __benchStale?: boolean }).__benchStale = true)).catch(() => undefined);
  const raw = (page as unknown as { page: { goto(u: string, o: { timeout: number }): Promise<unknown> } }).page;
  const navigation = raw.goto(url, { timeout: 20_000 }).catch(() => undefined);
  await page.waitFor(
    () =>
      !(window as unknown as { __benchStale?: boolean }).__benchStale &&
      (!location.protocol.startsWith('http') || (window as unknown as { __site?: { firstFrame: unknown } }).__site?.firstFrame != null),
    undefined,
    20_000,
  );
  if (await page.evaluate(() => !location.protocol.startsWith('http'))) return 'left';
  await navigation;
  return 'site';
}

function readProbe(page: E2ePage): Promise<BenchProbe> {
  return page.evaluate(() => (window as unknown as { __benchProbe: BenchProbe }).__benchProbe);
}

/** Serves the fixture at `url` again, with the bench probe in front of everything else. */
function serveProbed(session: E2eSession, url: string, site: string, fixture: string, vars: FixtureVars): string {
  const served = session.server.serveFixture(url, site, fixture, vars);
  const body = session.server.respond(served)?.body;
  if (!body) throw new Error(`not served: ${served}`);
  return session.server.serveHtml(served, withProbe(body));
}

function hostPresent(page: E2ePage): Promise<boolean> {
  return page.evaluate(() => [...document.documentElement.children].some((el) => el !== document.head && el !== document.body));
}

async function dialogOpen(page: E2ePage): Promise<boolean> {
  return page.inRoot((root) => root.querySelector('dialog')?.open ?? false).catch(() => false);
}

/** Closes our dialog the way a person would (Escape; the "Go back" button if Escape did not). */
async function dismiss(page: E2ePage): Promise<void> {
  await page.press('Escape');
  try {
    await page.waitFor(() => ![...document.documentElement.children].some((el) => el !== document.head && el !== document.body), undefined, 2_000);
  } catch {
    await page.clickInRoot('[data-action="back"]').catch(() => undefined);
    await page.waitFor(() => ![...document.documentElement.children].some((el) => el !== document.head && el !== document.body), undefined, 5_000);
  }
}

async function centreOf(page: E2ePage, selector: string): Promise<{ x: number; y: number }> {
  const centre = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const box = el.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, selector);
  if (!centre) throw new Error(`no element for ${selector}`);
  return centre;
}

/** A real press (pointer down and up) at the element's centre; returns the wall-clock ms it was sent. */
async function mousePress(page: E2ePage, selector: string): Promise<number> {
  const { x, y } = await centreOf(page, selector);
  const mouse = rawMouse(page);
  await mouse.move(x, y);
  const sentAt = nodePerformance.timeOrigin + nodePerformance.now();
  await mouse.down();
  await mouse.up();
  return sentAt;
}

// ---- figures ---------------------------------------------------------------------------------

/** Before anyone is guarded: does the extension inject anything on each site? */
async function contentScriptsWhereNobodyGuarded(session: E2eSession, scenario: SiteScenario): Promise<Figure> {
  const vars: FixtureVars = { handle: scenario.other, other: scenario.other };
  const url = session.server.serveFixture(scenario.pages.otherProfile.url, scenario.site, scenario.pages.otherProfile.fixture, vars);
  const registered = await session.inExtension(async (api) => (await api.scripting.getRegisteredContentScripts()).map((s) => s.matches ?? []));
  const host = new URL(url).hostname;
  const registeredHere = registered.filter((matches) => matches.some((m) => host.endsWith(m.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/.*$/, '')))).length;
  if (browser !== 'chromium') {
    return {
      figure: 'content-scripts-where-nobody-guarded', browser, site: scenario.site, unit: 'count', count: registeredHere,
      note: 'scripts registered for the host (scripting.getRegisteredContentScripts); Firefox over BiDi does not report content-script realms',
    };
  }
  const injected = await withPage(session, async (page) => {
    const cdp = await cdpOf(page);
    const contexts: string[] = [];
    cdp.on('Runtime.executionContextCreated', (params) => {
      const context = (params as { context: { origin: string; name: string; auxData?: { isDefault?: boolean } } }).context;
      if (context.auxData?.isDefault === false && context.origin.startsWith('chrome-extension://')) contexts.push(context.name);
    });
    await cdp.send('Runtime.enable');
    await page.goto(url);
    await settle(page);
    await cdp.detach();
    return contexts.length;
  });
  return {
    figure: 'content-scripts-where-nobody-guarded', browser, site: scenario.site, unit: 'count', count: injected + registeredHere,
    note: `CDP isolated worlds created on a page load (${injected}) + scripts registered for the host (${registeredHere})`,
  };
}

async function fullLoads(session: E2eSession, scenario: SiteScenario, vars: FixtureVars): Promise<Figure[]> {
  const url = serveProbed(session, scenario.pages.profile.url, scenario.site, scenario.pages.profile.fixture, vars);
  let covered = 0;
  let paused = 0;
  const coverMs: number[] = [];
  let upperBounds = 0;
  await withBenchPage(session, async (page) => {
    for (let i = 0; i < LOADS; i++) {
      // A page that is itself visible to the person may be replaced by our pause page instead of
      // covered: then the site never rendered at all, which counts as covered.
      if ((await loadGuarded(page, url)) === 'left') {
        covered++;
        paused++;
        continue;
      }
      const frame = await page.evaluate(() => (window as unknown as { __site: { firstFrame: FrameProbe } }).__site.firstFrame);
      if (frame.covered) covered++;
      const probe = await readProbe(page);
      if (probe.coverAt !== null) coverMs.push(probe.coverAt);
      if (probe.coveredAtFirstScript) upperBounds++;
    }
  });
  const pausedNote = paused ? `; ${paused}/${LOADS} replaced by the extension's pause page before the site rendered` : '';
  return [
    { figure: 'first-frame-full-load', browser, site: scenario.site, unit: 'count', count: covered, of: LOADS, note: `rAF probe at the centre of the viewport${pausedNote}` },
    {
      ...timing('navigation-to-cover-ms', browser, scenario.site, coverMs,
        `${coverMs.length ? '' : 'not measured: every load went to the pause page (no cover to time); '}full load: navigation start → host on <html>${upperBounds ? ` (${upperBounds}/${coverMs.length} already there at the first page script: that time, an upper bound)` : ''}`),
      variant: 'full load',
      ...(coverMs.length ? {} : { unmeasured: true }),
    },
  ];
}

async function inAppNavigations(session: E2eSession, scenario: SiteScenario, vars: FixtureVars): Promise<Figure[]> {
  const from = serveProbed(session, scenario.spa.from.url, scenario.site, scenario.spa.from.fixture, vars);
  const to = session.server.serveFixture(scenario.spa.to.url, scenario.site, scenario.spa.to.fixture, vars);
  const body = session.server.bodyOf(to);
  let covered = 0;
  let paused = 0;
  const coverMs: number[] = [];
  await withBenchPage(session, async (page) => {
    for (let i = 0; i < LOADS; i++) {
      await page.goto(from);
      await settle(page);
      const result = await page.evaluate(
        async ([target, html]) => {
          if (!location.protocol.startsWith('http')) return 'left' as const;
          const probe = (window as unknown as { __benchProbe: BenchProbe }).__benchProbe;
          probe.spaStart = performance.now();
          probe.spaCoverAt = null;
          const site = (window as unknown as { __site: { spaNavigate(u: string, b: string): Promise<FrameProbe> } }).__site;
          const frame = await site.spaNavigate(target, html);
          return { frame, ms: probe.spaCoverAt === null ? null : probe.spaCoverAt - probe.spaStart };
        },
        [to, body] as const,
      ).catch(async (error: unknown) => {
        // The page navigated to our pause page while the probe was waiting for its frame.
        if (await page.evaluate(() => !location.protocol.startsWith('http')).catch(() => false)) return 'left' as const;
        throw error;
      });
      if (result === 'left') {
        covered++;
        paused++;
        continue;
      }
      if (result.frame.covered) covered++;
      if (result.ms !== null) coverMs.push(result.ms);
    }
  });
  return [
    { figure: 'first-frame-in-app', browser, site: scenario.site, unit: 'count', count: covered, of: LOADS, note: `pushState + new view in one task, rAF probe${paused ? `; ${paused}/${LOADS} went to the pause page` : ''}` },
    { ...timing('navigation-to-cover-ms', browser, scenario.site, coverMs, 'in-app: pushState → host on <html>'), variant: 'in-app' },
  ];
}

type ControlKind = 'press' | 'double-tap' | 'key';

interface Attempt {
  action: string;
  kind: ControlKind;
  /** Page-world selector: the control to press, or the item to focus before the key. */
  selector: string;
  key?: string;
}

/**
 * PRESSES attempts of each control kind (press, double-tap, keyboard shortcut) on the guarded
 * person's post, cycling through that kind's controls; our dialog is closed between attempts.
 */
async function guardedPresses(session: E2eSession, scenario: SiteScenario, vars: FixtureVars): Promise<Figure[]> {
  const url = serveProbed(session, scenario.pages.feed.url, scenario.site, scenario.pages.feed.fixture, vars);
  const attempts: Attempt[] = [
    ...scenario.controls.map((c): Attempt => ({ action: c.action, kind: c.gesture === 'double-tap' ? 'double-tap' : 'press', selector: fillPlaceholders(c.guarded, vars) })),
    ...(scenario.shortcuts ?? []).map((k): Attempt => ({ action: k.action, kind: 'key', selector: fillPlaceholders(k.focusGuarded, vars), key: k.key })),
  ];
  const figures: Figure[] = [];
  const latencies: PressLatencies = { cover: [], dialog: [], coverToDialog: [] };
  for (const kind of ['press', 'double-tap', 'key'] as const) {
    const ofKind = attempts.filter((a) => a.kind === kind);
    if (ofKind.length === 0) continue;
    const reachedBy = new Map<string, number>();
    let reached = 0;
    let noDialog = 0;
    await withBenchPage(session, async (page) => {
      await page.goto(url);
      await settle(page);
      for (let i = 0; i < PRESSES; i++) {
        const attempt = ofKind[i % ofKind.length]!;
        let sentAt: number | undefined;
        if (kind === 'double-tap') {
          await page.doubleClick(attempt.selector);
        } else if (kind === 'key') {
          await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement | null)?.focus(), attempt.selector);
          await page.press(attempt.key!);
        } else {
          sentAt = await mousePress(page, attempt.selector);
        }
        const opened = await page
          .waitFor(() => (window as unknown as { __benchProbe: BenchProbe }).__benchProbe.hostAtWall !== null, undefined, 5_000)
          .then(() => true, () => false);
        const after = await page.evaluate(() => {
          const site = (window as unknown as { __site: { handled: string[] } }).__site;
          const probe = (window as unknown as { __benchProbe: BenchProbe }).__benchProbe;
          const result = { handled: site.handled.length, hostAtWall: probe.hostAtWall, dialogAtWall: probe.dialogAtWall };
          site.handled.length = 0;
          probe.hostAtWall = null;
          probe.dialogAtWall = null;
          return result;
        });
        if (opened && sentAt !== undefined) notePress(latencies, sentAt, after);
        if (!opened || !(await dialogOpen(page))) noDialog++;
        if (after.handled > 0) reachedBy.set(attempt.action, (reachedBy.get(attempt.action) ?? 0) + after.handled);
        reached += after.handled;
        if (await hostPresent(page)) await dismiss(page);
      }
    });
    const actions = [...new Set(ofKind.map((a) => a.action))].join(', ');
    const reachedNote = reached ? `; reached: ${[...reachedBy].map(([a, n]) => `${a} ${n}`).join(', ')}` : '';
    figures.push({
      figure: 'guarded-control-reached-site', browser, site: scenario.site, variant: kind, unit: 'count', count: reached, of: PRESSES,
      note: `${kind}: ${actions} in turn${noDialog ? `; no dialog ${noDialog} times` : ''}${reachedNote}`,
    });
  }
  figures.push(...pressFigures(scenario.site, 'dialog code loaded', latencies));
  return figures;
}

interface PressLatencies {
  cover: number[];
  dialog: number[];
  coverToDialog: number[];
}

/** One press's times: the cover (host attached) and the dialog (focus into the host), from the driver's send. */
function notePress(into: PressLatencies, sentAt: number, seen: { hostAtWall: number | null; dialogAtWall: number | null }): void {
  if (seen.hostAtWall !== null) into.cover.push(seen.hostAtWall - sentAt);
  if (seen.dialogAtWall !== null) into.dialog.push(seen.dialogAtWall - sentAt);
  // 0 when both came in one task: focus moves inside showModal, while the observer that notes
  // the host runs after the task, so the raw difference is then slightly below 0.
  if (seen.hostAtWall !== null && seen.dialogAtWall !== null) into.coverToDialog.push(Math.max(0, seen.dialogAtWall - seen.hostAtWall));
}

/** One press on `selector`, waiting for our dialog; its times go into `into`, then the dialog is closed. */
async function pressForDialog(page: E2ePage, selector: string, into: PressLatencies): Promise<void> {
  const sentAt = await mousePress(page, selector);
  const opened = await page
    .waitFor(() => (window as unknown as { __benchProbe: BenchProbe }).__benchProbe.dialogAtWall !== null, undefined, 5_000)
    .then(() => true, () => false);
  const seen = await page.evaluate(() => {
    const probe = (window as unknown as { __benchProbe: BenchProbe }).__benchProbe;
    const result = { hostAtWall: probe.hostAtWall, dialogAtWall: probe.dialogAtWall };
    probe.hostAtWall = null;
    probe.dialogAtWall = null;
    return result;
  });
  if (opened) notePress(into, sentAt, seen);
  if (await hostPresent(page)) await dismiss(page);
}

function pressFigures(site: string, variant: string, l: PressLatencies): Figure[] {
  if (l.cover.length === 0) return [];
  return [
    { ...timing('press-to-cover-ms', browser, site, l.cover, 'driver pointerdown sent → our host on <html> (page clock); includes the driver round trip'), variant },
    { ...timing('press-to-dialog-ms', browser, site, l.dialog, 'driver pointerdown sent → focus moves into our dialog (showModal; page focusin on the host); includes the driver round trip'), variant },
    {
      ...timing('cover-to-dialog-ms', browser, site, l.coverToDialog,
        `host on <html> → focus into our dialog, both on the page's clock (no driver in it); ${l.coverToDialog.length} presses`),
      variant,
    },
  ];
}

/**
 * Presses on the guarded person's post before the dialog's code is there: the `document_idle`
 * registration of the UI stage is taken away for this run, so every press (one per fresh load)
 * goes the on-demand way: the first stage covers in the press's task, asks the background, which
 * injects the UI stage (scripting.executeScript with `files`). The registration is put back after.
 */
async function pressesBeforeUi(session: E2eSession, scenario: SiteScenario, vars: FixtureVars): Promise<Figure[]> {
  const control = scenario.controls.find((c) => (c.gesture ?? 'press') === 'press');
  if (!control) return [];
  const url = serveProbed(session, scenario.pages.feed.url, scenario.site, scenario.pages.feed.fixture, vars);
  const saved = await session.inExtension(async (api) => {
    const ui = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id === 'guard-ui');
    if (ui.length > 0) await api.scripting.unregisterContentScripts({ ids: ['guard-ui'] });
    return ui;
  });
  const latencies: PressLatencies = { cover: [], dialog: [], coverToDialog: [] };
  try {
    await withBenchPage(session, async (page) => {
      for (let i = 0; i < COLD_PRESSES; i++) {
        await page.goto(url);
        await settle(page);
        await pressForDialog(page, fillPlaceholders(control.guarded, vars), latencies);
      }
    });
  } finally {
    if (saved.length > 0) {
      await session.inExtension((api, scripts) => api.scripting.registerContentScripts(scripts), saved);
    }
  }
  return pressFigures(scenario.site, 'dialog code not loaded yet', latencies);
}

/**
 * Full loads of a profile of someone not guarded, on a site where someone is: how many rendered
 * frames showed any element of ours (issue "Nothing slips past", item 1; budget 0).
 */
async function notGuardedLoads(session: E2eSession, scenario: SiteScenario): Promise<Figure> {
  const vars: FixtureVars = { handle: scenario.other, other: scenario.other };
  const url = serveProbed(session, scenario.pages.otherProfile.url, scenario.site, scenario.pages.otherProfile.fixture, vars);
  let frames = 0;
  let loadsWithHost = 0;
  await withPage(session, async (page) => {
    for (let i = 0; i < LOADS; i++) {
      await loadGuarded(page, url);
      await settle(page);
      const seen = await page.evaluate(() => ({
        frames: (window as unknown as { __benchProbe: BenchProbe }).__benchProbe.hostFrames,
        host: (window as unknown as { __site: { hostSeen: boolean } }).__site.hostSeen,
      }));
      frames += seen.frames;
      if (seen.host) loadsWithHost++;
    }
  });
  return {
    figure: 'extension-frames-not-guarded', browser, site: scenario.site, unit: 'count', count: frames,
    note: `rendered frames (rAF) with our host on <html>, summed over ${LOADS} full loads of ${scenario.other}'s profile; loads where the page saw a host of ours at any moment: ${loadsWithHost}`,
  };
}

/**
 * What the first stage costs a page where it guards nobody: the time from the page's first byte to
 * its first script on a registered site (someone else's profile) minus the same on the control
 * origin (no content script), in alternating pairs. From the first byte, not from the navigation's
 * start: the wait for the answer is the harness's interception (a round trip to Node), which varies
 * by tens of ms between two loads and is no cost of ours; it is kept in the note.
 */
async function startup(session: E2eSession, scenario: SiteScenario): Promise<Figure> {
  const vars: FixtureVars = { handle: scenario.other, other: scenario.other };
  const url = serveProbed(session, scenario.pages.otherProfile.url, scenario.site, scenario.pages.otherProfile.fixture, vars);
  const control = session.server.controlUrl(url);
  const fromByte = { with: [] as number[], without: [] as number[] };
  const fromStart = { with: [] as number[], without: [] as number[] };
  await withPage(session, async (page) => {
    for (let i = 0; i < STARTUP_PAIRS; i++) {
      for (const which of i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        await page.goto(which === 'with' ? url : control);
        const probe = await readProbe(page);
        fromByte[which].push(probe.firstScriptAt - probe.responseStartAt);
        fromStart[which].push(probe.firstScriptAt);
      }
    }
  });
  const diff = (runs: { with: number[]; without: number[] }) => median(runs.with) - median(runs.without);
  return {
    figure: 'content-script-startup-ms', browser, site: scenario.site, unit: 'ms', median: diff(fromByte),
    note: `median time from the page's first byte to its first script, extension minus control origin (${STARTUP_PAIRS} pairs; document_start scripts run in between); control alone ${median(fromByte.without).toFixed(1)} ms; from the navigation's start instead (the interception's wait included): ${diff(fromStart).toFixed(1)} ms`,
  };
}

/**
 * The browser's own floor under `content-script-startup-ms`, in the same run: the same pairs with
 * the site's guard registrations swapped for a one-line `document_start` script on the same pages
 * (bench/startup-floor.ts). The start-up figure minus it is what the first stage's size and work add.
 */
async function startupFloor(session: E2eSession, scenario: SiteScenario): Promise<Figure> {
  const measured = await withStartupFloor(session, scenario.site, () => startup(session, scenario));
  return {
    ...measured,
    figure: 'content-script-startup-floor-ms',
    note: `the same as content-script-startup-ms with the site's guard scripts swapped for a one-line document_start script (${FLOOR_FILE}) on the same pages: ${measured.note}`,
  };
}

interface FeedRun {
  busy: number;
  frames: number;
  framesShowingThem: number;
}

interface FeedCase {
  /** Appended to the figure name: '' for the case with the budget. */
  suffix: string;
  /** How the guarded person's feed hiding works in this case. */
  how: 'stylesheet' | 'observer';
  options: { guardedEvery?: number; guardedHandle?: string; flushStyle?: boolean; watchFrames?: boolean };
}

/**
 * The busy feed, with and without the extension, for one case. 'stylesheet': feed hiding set to
 * 'hide', which the background's user-origin stylesheet does alone. 'observer': set to 'collapse',
 * which only the engine's observer can do (a placeholder), so its per-item check runs for every
 * post, as 'hide' did before the stylesheet: the other option, measured in the same run.
 */
async function busyFeedCase(session: E2eSession, url: string, control: string, feedCase: FeedCase, items = FEED_ITEMS, pairs = FEED_PAIRS): Promise<Figure[]> {
  const taskMs = { with: [] as number[], without: [] as number[] };
  const pageMs = { with: [] as number[], without: [] as number[] };
  const showing: number[] = [];
  const frames: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const);
    for (const which of order) {
      await withPage(session, async (page) => {
        await page.goto(which === 'with' ? url : control);
        await settle(page);
        const cdp = browser === 'chromium' ? await cdpOf(page) : undefined;
        const taskDuration = async () => {
          const { metrics } = (await cdp!.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
          return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
        };
        if (cdp) await cdp.send('Performance.enable');
        const before = cdp ? await taskDuration() : 0;
        const run = await feedRun(page, items, feedCase.options);
        if (cdp) {
          taskMs[which].push((await taskDuration()) - before);
          await cdp.detach();
        }
        pageMs[which].push(run.busy);
        if (which === 'with' && feedCase.options.watchFrames) {
          showing.push(run.framesShowingThem);
          frames.push(run.frames);
        }
      });
    }
  }
  const figures: Figure[] = [];
  const name = `busy-feed-main-thread-ratio${feedCase.suffix}`;
  const what = `${feedCase.how}${feedCase.options.guardedEvery ? `, 1 post in ${feedCase.options.guardedEvery} by the guarded person` : ''}${feedCase.options.flushStyle ? ', style work counted per batch' : ''}`;
  // Median of per-pair ratios: the two runs of a pair are back to back, so they share the machine's load.
  const pairedRatio = (m: { with: number[]; without: number[] }) => median(m.with.map((w, i) => w / (m.without[i] ?? Number.NaN)));
  const pageRatio = pairedRatio(pageMs);
  const pageNote = `page world (median of per-pair ratios): per batch, task start → its microtasks (MutationObservers) done${feedCase.options.flushStyle ? ' and one post\'s computed style read' : ''}, summed (medians ${median(pageMs.with).toFixed(0)} / ${median(pageMs.without).toFixed(0)} ms, ${pairs} pairs)`;
  if (browser === 'chromium' && !feedCase.options.flushStyle) {
    figures.push({
      figure: name, browser, site: 'x', unit: 'ratio', value: pairedRatio(taskMs),
      note: `${what}. CDP Performance.getMetrics TaskDuration during the feed (style and layout included), median of per-pair ratios with / without (medians ${median(taskMs.with).toFixed(0)} / ${median(taskMs.without).toFixed(0)} ms, ${pairs} pairs); ${pageNote.replace('page world', `page-world ratio ${pageRatio.toFixed(3)}`)}`,
    });
  } else {
    figures.push({
      figure: name, browser, site: 'x', unit: 'ratio', value: pageRatio,
      note: `${what}. ${browser === 'chromium' ? '' : 'No main-thread metric over BiDi: '}${pageNote}`,
    });
  }
  if (feedCase.options.watchFrames) {
    figures.push({
      figure: `busy-feed-guarded-frames${feedCase.suffix.replace(/^-guarded-10pct/, '')}`, browser, site: 'x', unit: 'count',
      count: showing.reduce((a, b) => a + b, 0), of: frames.reduce((a, b) => a + b, 0),
      note: `${what}: animation frames in which a guarded post just added was not display:none (it would have painted), over ${pairs} runs of ${items} posts (count of all frames watched)`,
    });
  }
  return figures;
}

type FeedWindow = { __bench: { runFeed(t: number, b: number, o: unknown): Promise<FeedRun> }; __benchFeedRun?: FeedRun };

/**
 * One run of the busy feed. A longer one is started in the page, then polled from here once a
 * second (the polls are the same with and without the extension): a 50,000-post run takes
 * about two minutes of the page's own time (Chromium, quiet machine, 1 December 2026), so one
 * protocol call awaiting it would outlast the driver's 180 s timeout in Firefox.
 */
async function feedRun(page: E2ePage, items: number, options: FeedCase['options']): Promise<FeedRun> {
  // The budgeted runs (about a second) are awaited in one call: polling would add tasks to the page's time.
  if (items <= FEED_ITEMS) {
    return page.evaluate(([total, batch, o]) => (window as unknown as FeedWindow).__bench.runFeed(total, batch, o), [items, FEED_BATCH, options] as const);
  }
  await page.evaluate(
    ([total, batch, o]) => {
      const w = window as unknown as FeedWindow;
      delete w.__benchFeedRun;
      void w.__bench.runFeed(total, batch, o).then((run) => (w.__benchFeedRun = run));
    },
    [items, FEED_BATCH, options] as const,
  );
  for (;;) {
    const run = await page.evaluate(() => (window as unknown as FeedWindow).__benchFeedRun ?? null);
    if (run) return run;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The busy feed on X's origin and on the control origin (no extension there). */
function serveBusyFeed(session: E2eSession): { url: string; control: string } {
  const html = withProbe(readFileSync(join(import.meta.dirname, 'fixtures', 'busy-feed.html'), 'utf8'));
  const url = session.server.serveHtml(BUSY_FEED_URL, html);
  const control = session.server.serveHtml(`${CONTROL_ORIGIN}${new URL(url).pathname}${new URL(url).search}`, html);
  return { url, control };
}

async function busyFeed(session: E2eSession, switchTo: (how: FeedCase['how']) => Promise<void>): Promise<Figure[]> {
  const { url, control } = serveBusyFeed(session);
  const guarded = { guardedEvery: 10, guardedHandle: BENCH_GUARDED_X, watchFrames: true };
  const cases: FeedCase[] = [
    { suffix: '', how: 'stylesheet', options: {} },
    { suffix: '-style-counted', how: 'stylesheet', options: { flushStyle: true } },
    { suffix: '-guarded-10pct', how: 'stylesheet', options: guarded },
    { suffix: '-observer', how: 'observer', options: {} },
    { suffix: '-observer-style-counted', how: 'observer', options: { flushStyle: true } },
    { suffix: '-guarded-10pct-observer', how: 'observer', options: guarded },
  ];
  const figures: Figure[] = [];
  for (const feedCase of cases) {
    await switchTo(feedCase.how);
    figures.push(...(await busyFeedCase(session, url, control, feedCase)));
  }
  await switchTo('stylesheet');
  return figures;
}

async function popupFirstRender(session: E2eSession): Promise<Figure> {
  const samples: number[] = [];
  let source = '';
  for (let i = 0; i < POPUP_OPENS; i++) {
    const page = await session.openExtensionPage('popup.html');
    try {
      await page.waitFor(() => (document.body.firstElementChild?.childElementCount ?? 0) > 0);
      const measured = await page.evaluate(
        () =>
          new Promise<{ ms: number; source: string }>((resolve) =>
            requestAnimationFrame(() => {
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              resolve(paint ? { ms: paint.startTime, source: 'first-contentful-paint' } : { ms: performance.now(), source: 'first rAF after render' });
            }),
          ),
      );
      samples.push(measured.ms);
      source = measured.source;
    } finally {
      await page.close();
    }
  }
  return timing('popup-first-render-ms', browser, '', samples, `popup.html opened in a tab: navigation start → ${source}`);
}

interface Renders {
  options: number[];
  popup: number[];
  /** When the page asked for its view and when the answer came (utils/ui/client.ts marks). */
  asked: { options: number[]; popup: number[] };
  answered: { options: number[]; popup: number[] };
  nodes: { options: number; popup: number };
}

/**
 * Imports `doc` through the product's own import and waits until the browser's scripts and rules
 * are in step with it, then opens the options page and the popup `opens` times each. Without the
 * wait, the first opens timed the import's rule and script sync on the same two cores (the first
 * of ten took 266 to 311 ms where the others took 160 to 220: Chromium, 1 December 2026).
 */
async function rendersAfterImport(session: E2eSession, doc: StoredDocument, opens: number): Promise<Renders> {
  const imported = await importAndSync(session, doc);
  if ('refused' in imported) throw new Error(`the history did not import: ${imported.refused}`);
  const renders: Renders = { options: [], popup: [], asked: { options: [], popup: [] }, answered: { options: [], popup: [] }, nodes: { options: 0, popup: 0 } };
  for (const which of ['options', 'popup'] as const) {
    for (let i = 0; i < opens; i++) {
      const page = await session.openExtensionPage(`${which}.html`);
      try {
        await page.waitFor((mark: string) => performance.getEntriesByName(mark).length > 0, FIRST_STATE_MARK);
        const measured = await page.evaluate(
          (marks: readonly string[]) => {
            const at = (mark: string) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN;
            return { ms: at(marks[0]!), asked: at(marks[1]!), answered: at(marks[2]!), nodes: document.querySelectorAll('*').length };
          },
          [FIRST_STATE_MARK, VIEW_ASKED_MARK, VIEW_ANSWERED_MARK] as const,
        );
        renders[which].push(measured.ms);
        renders.asked[which].push(measured.asked);
        renders.answered[which].push(measured.answered);
        renders.nodes[which] = measured.nodes;
      } finally {
        await page.close();
      }
    }
  }
  return renders;
}

/**
 * Options page and popup with five years of heavy use and 1,000 journal entries (issue 17, item 8;
 * before: options 5.0 s with 12,409 DOM nodes, popup 1.1 s): the history is imported through the
 * product's own import, then each page is opened in a tab; navigation start → the first state
 * drawn (the `first-state-rendered` mark, set in the frame after the first render).
 */
async function heavyHistoryRender(session: E2eSession): Promise<Figure[]> {
  const renders = await rendersAfterImport(session, heavyHistory(), HEAVY_OPENS);
  const what = 'in a tab, five years of heavy use and 1,000 journal entries: navigation start → first state drawn';
  // The phases, as medians: where the first render waits.
  const phases = (which: 'options' | 'popup') => `view asked at ${median(renders.asked[which]).toFixed(0)} ms, answered at ${median(renders.answered[which]).toFixed(0)} ms`;
  return [
    timing('options-heavy-render-ms', browser, '', renders.options, `options.html ${what}, ${renders.nodes.options} DOM nodes; ${phases('options')}`),
    timing('popup-heavy-render-ms', browser, '', renders.popup, `popup.html ${what}, ${renders.nodes.popup} DOM nodes; ${phases('popup')}`),
  ];
}

// ---- the slow-laptop run (--throttle=N) ------------------------------------------------------

/** The figures the throttled run repeats: first frame (full load, in-app) and presses. */
const THROTTLED_FIGURES = [
  'first-frame-full-load', 'first-frame-in-app', 'navigation-to-cover-ms', 'guarded-control-reached-site', 'press-to-cover-ms', 'press-to-dialog-ms', 'cover-to-dialog-ms',
];

/** A fixed loop in the page, timed on the page's clock (median of 5). */
async function loopMs(page: E2ePage): Promise<number> {
  return page.evaluate(() => {
    const samples: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      let x = 0;
      for (let i = 0; i < 2_000_000; i++) x = (x + i * 7) % 1_000_003;
      samples.push(performance.now() - t0 + (x < 0 ? 1 : 0));
    }
    return samples.sort((a, b) => a - b)[2]!;
  });
}

/**
 * Checks the throttle holds: the same loop with and without it, on one site and after a
 * cross-site navigation in the same tab (a new renderer process).
 */
async function throttleCheck(session: E2eSession, first: SiteScenario, second: SiteScenario): Promise<Figure> {
  const other = (s: SiteScenario) => session.server.serveFixture(s.pages.otherProfile.url, s.site, s.pages.otherProfile.fixture, { handle: s.other, other: s.other });
  const [a, b] = [other(first), other(second)];
  const saved = cpuRate;
  cpuRate = 1;
  const plain = await withBenchPage(session, async (page) => (await page.goto(a), loopMs(page)));
  cpuRate = saved;
  const [slowA, slowB] = await withBenchPage(session, async (page) => {
    await page.goto(a);
    const onA = await loopMs(page);
    await page.goto(b);
    return [onA, await loopMs(page)];
  });
  return {
    figure: 'cpu-throttle-check', browser, site: '', unit: 'ratio', value: slowB / plain,
    note: `a fixed loop: ${plain.toFixed(0)} ms unthrottled; ${slowA.toFixed(0)} ms (${(slowA / plain).toFixed(1)}×) throttled on ${first.site}, ${slowB.toFixed(0)} ms (the value) after a cross-site navigation to ${second.site} in the same tab`,
  };
}

/** One site's first-frame figures (full load, in-app) and press figures (both variants). */
async function firstFrameAndPressesOn(session: E2eSession, scenario: SiteScenario): Promise<Figure[]> {
  const vars: FixtureVars = { handle: scenario.guarded.handle, other: scenario.other };
  return [
    ...(runs('full-loads') ? await fullLoads(session, scenario, vars) : []),
    ...(runs('in-app') ? await inAppNavigations(session, scenario, vars) : []),
    ...(runs('presses') ? await guardedPresses(session, scenario, vars) : []),
    ...(runs('cold-presses') ? await pressesBeforeUi(session, scenario, vars) : []),
  ];
}

async function firstFrameAndPresses(session: E2eSession): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const scenario of scenarios) figures.push(...(await firstFrameAndPressesOn(session, scenario)));
  return figures;
}

/**
 * The first-frame and press figures at 1× (the same-run baseline) and with the CPU slowed
 * THROTTLE times, named `-throttled` (scripts/bench.mjs applies the unthrottled figure's budget).
 * Firefox has no CPU throttling (no CDP over BiDi, none in its remote protocol): unmeasured there.
 */
async function throttledRun(session: E2eSession | undefined): Promise<Figure[]> {
  if (!session) {
    return THROTTLED_FIGURES.map((figure) => ({
      figure: `${figure}-throttled`, browser, site: '', unit: 'count' as const, unmeasured: true,
      note: 'Firefox has no CPU throttling (DevTools\' Emulation.setCPUThrottlingRate is Chromium-only; WebDriver BiDi and Firefox\'s remote protocol have none)',
    }));
  }
  const figures = await firstFrameAndPresses(session);
  cpuRate = THROTTLE;
  try {
    figures.push(await throttleCheck(session, scenarios[0]!, scenarios[1] ?? scenarios[0]!));
    const slow = await firstFrameAndPresses(session);
    figures.push(...slow.map((f) => ({ ...f, figure: `${f.figure}-throttled`, note: `CPU ${THROTTLE}× slower (CDP Emulation.setCPUThrottlingRate on each tab); ${f.note ?? ''}` })));
  } finally {
    cpuRate = 1;
  }
  return figures;
}

// ---- growth curves (--curves) ------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The busiest functions of a CPU profile by self time, and the extension's share of the samples. */
function summarizeProfile(profile: { nodes: ProfileNode[]; startTime: number; endTime: number }): string {
  const self = new Map<string, number>();
  let total = 0;
  let ours = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += hits;
    if (url.startsWith('chrome-extension://')) ours += hits;
    const file = url.split('/').pop()?.split('?')[0];
    const key = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  const share = (n: number) => `${((100 * n) / Math.max(1, total)).toFixed(0)} %`;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([key, n]) => `${key} ${share(n)}`);
  const busyMs = ((profile.endTime - profile.startTime) / 1000).toFixed(0);
  return `CPU profile (${busyMs} ms, idle left out): extension code ${share(ours)} of busy samples; self time: ${top.join('; ')}`;
}

/** Chromium only: `run` under the V8 sampling profiler of the tab (CDP Profiler), summarized. */
async function profiled(page: E2ePage, run: () => Promise<unknown>): Promise<string> {
  if (browser !== 'chromium') return '';
  const cdp = await cdpOf(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number } };
  await cdp.detach();
  return summarizeProfile(profile);
}

const CURVE_PRESSES = repetitions(10, 3);
/** BENCH_CURVES=people,feed,history: only these curves (all by default). */
const onlyCurves = process.env.BENCH_CURVES?.split(',').filter(Boolean);
const PEOPLE_CURVE = 'guarded people';
const FEED_CURVE = 'feed items';
const HISTORY_CURVE = 'event log';
/** The sites of the browser's people curve: X (spelling rules) and Instagram (contact rules), or BENCH_SITES. */
const curveScenarios = allScenarios.filter((s) => (onlySites ?? ['x', 'instagram']).includes(s.site));
const firstPerson: GuardedAccount[] = allScenarios.map((s) => ({ site: s.site, handle: s.guarded.handle, ...(s.guarded.stableId ? { stableId: s.guarded.stableId } : {}) }));

/** One line per step of a long curve run, to `<BENCH_OUT>.log` (tail it to follow the run). */
function progress(step: string): void {
  if (process.env.BENCH_OUT) appendFileSync(`${process.env.BENCH_OUT}.log`, `${new Date().toISOString()} ${browser} ${step}\n`);
}

interface InStep {
  importMs: number;
  syncedMs: number;
  rules: number;
  regexRules: number;
  scripts: number;
  patterns: number;
}

/** Imports `doc`, then waits until the registered scripts and the dynamic rules stop changing. */
async function importAndSync(session: E2eSession, doc: StoredDocument): Promise<InStep | { refused: string }> {
  const t0 = nodePerformance.now();
  const reply = await session.send({ type: 'import-requested', json: exportDocument(doc, HEAVY_NOW) });
  const importMs = nodePerformance.now() - t0;
  if (!reply.ok) return { refused: reply.error };
  const read = () =>
    session.inExtension(async (api) => {
      const dnr = (api as unknown as { declarativeNetRequest: { getDynamicRules(): Promise<{ condition: { regexFilter?: string } }[]> } }).declarativeNetRequest;
      const [scripts, rules] = await Promise.all([api.scripting.getRegisteredContentScripts(), dnr.getDynamicRules()]);
      return {
        rules: rules.length,
        regexRules: rules.filter((r) => r.condition.regexFilter !== undefined).length,
        scripts: scripts.length,
        patterns: scripts.reduce((n, sc) => n + (sc.matches?.length ?? 0) + (sc.excludeMatches?.length ?? 0), 0),
      };
    });
  let last = JSON.stringify(await read());
  let stableSince = nodePerformance.now();
  let changedAt = nodePerformance.now();
  // In step: nothing changed for 1.5 s (syncBrowser updates scripts and rules in parallel).
  while (nodePerformance.now() - stableSince < 1_500) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = JSON.stringify(await read());
    if (now !== last) {
      last = now;
      stableSince = changedAt = nodePerformance.now();
    }
  }
  return { importMs, syncedMs: changedAt - t0, ...(JSON.parse(last) as Omit<InStep, 'importMs' | 'syncedMs'>) };
}

/** Presses on the guarded post of the feed, the dialog code loaded (one tab, Escape between). */
async function warmPresses(session: E2eSession, scenario: SiteScenario): Promise<PressLatencies> {
  const vars: FixtureVars = { handle: scenario.guarded.handle, other: scenario.other };
  const control = scenario.controls.find((c) => (c.gesture ?? 'press') === 'press');
  const latencies: PressLatencies = { cover: [], dialog: [], coverToDialog: [] };
  if (!control) return latencies;
  const url = serveProbed(session, scenario.pages.feed.url, scenario.site, scenario.pages.feed.fixture, vars);
  await withBenchPage(session, async (page) => {
    await page.goto(url);
    await settle(page);
    for (let i = 0; i < CURVE_PRESSES; i++) {
      await pressForDialog(page, fillPlaceholders(control.guarded, vars), latencies);
    }
  });
  return latencies;
}

/** Start-up on X's page of someone not guarded, under the profiler (a second load of the same page). */
async function startupProfile(session: E2eSession, scenario: SiteScenario): Promise<string> {
  const vars: FixtureVars = { handle: scenario.other, other: scenario.other };
  const url = serveProbed(session, scenario.pages.otherProfile.url, scenario.site, scenario.pages.otherProfile.fixture, vars);
  return withPage(session, async (page) => {
    await page.goto(url);
    return profiled(page, () => page.goto(url));
  });
}

async function peopleCurve(session: E2eSession, figures: Figure[]): Promise<void> {
  const points: [string, StoredDocument][] = [...PEOPLE_POINTS.map((n): [string, StoredDocument] => [String(n), peopleDocument(n, firstPerson)]), [FULLEST_POINT, fullestDocument(firstPerson)]];
  for (const [point, doc] of points) {
    const at = (f: Figure) => onCurve(PEOPLE_CURVE, point, f);
    progress(`people: ${point}`);
    const step = await importAndSync(session, doc);
    progress(`people: ${point}: in step`);
    if ('refused' in step) {
      figures.push(at({ figure: 'curve-import-ms', browser, site: '', unit: 'ms', unmeasured: true, note: `the product's import refuses ${doc.people.length} people: "${step.refused}"; nothing else measured at this point` }));
      continue;
    }
    figures.push(
      at({ ...timing('curve-import-ms', browser, '', [step.importMs], `import-requested round trip, ${doc.people.length} people (one import)`) }),
      at({ ...timing('curve-sync-ms', browser, '', [step.syncedMs], 'import sent → registered scripts and dynamic rules as they end up (last change seen, polled every 100 ms)') }),
      at({ figure: 'curve-rules-in-force', browser, site: '', unit: 'count', count: step.regexRules, of: step.rules, note: `dynamic rules in force with a regexFilter (of: all dynamic rules); compare curve-regex-rules (node), what the background wants` }),
      at({ figure: 'curve-registered-patterns', browser, site: '', unit: 'count', count: step.patterns, note: `match patterns in the ${step.scripts} registered scripts, as the browser reports them` }),
    );
    for (const scenario of curveScenarios) {
      figures.push(at({ ...(await startup(session, scenario)), figure: 'curve-startup-ms' }));
      const presses = await warmPresses(session, scenario);
      figures.push(...pressFigures(scenario.site, '', presses).filter((f) => f.figure !== 'cover-to-dialog-ms').map((f) => at({ ...f, figure: `curve-${f.figure}` })));
    }
    const x = curveScenarios.find((s) => s.site === 'x');
    if (x && browser === 'chromium' && (point === '50' || point === '1')) {
      figures.push(at({ figure: 'curve-startup-profile', browser, site: 'x', unit: 'count', count: 1, note: await startupProfile(session, x) }));
    }
  }
}

/** What the default run sets up: the scenarios' guarded accounts, and feed hiding on X for someone not in the busy feed. */
function benchDocument(): StoredDocument {
  const doc = peopleDocument(1, firstPerson);
  doc.people.push({ id: 'person-feed', label: 'Someone else', accounts: [{ site: 'x', handle: BENCH_GUARDED_X }], feedHiding: 'hide', addedAt: HEAVY_NOW.toISOString() });
  return doc;
}

async function feedCurve(session: E2eSession, figures: Figure[]): Promise<void> {
  const step = await importAndSync(session, benchDocument());
  if ('refused' in step) throw new Error(`the feed document did not import: ${step.refused}`);
  const { url, control } = serveBusyFeed(session);
  for (const items of [FEED_ITEMS, 50_000]) {
    const point = `${items.toLocaleString('en')} posts`;
    progress(`feed: ${point}`);
    const pairs = items > FEED_ITEMS ? repetitions(2, 1) : FEED_PAIRS;
    const measured = await busyFeedCase(session, url, control, { suffix: '', how: 'stylesheet', options: {} }, items, pairs).catch((error: unknown): Figure[] => [
      { figure: 'curve-busy-feed-ratio', browser, site: 'x', unit: 'ratio', unmeasured: true, note: `${items} posts could not be measured: ${String(error).split('\n')[0]!.slice(0, 300)}` },
    ]);
    if (measured.some((f) => f.unmeasured)) {
      figures.push(...measured.map((f) => onCurve(FEED_CURVE, point, f)));
      continue;
    }
    figures.push(...measured.map((f) => onCurve(FEED_CURVE, point, { ...f, figure: 'curve-busy-feed-ratio' })));
    if (browser === 'chromium') {
      const profile = await withPage(session, async (page) => {
        await page.goto(url);
        await settle(page);
        return profiled(page, () =>
          page.evaluate(([total, batch]) => (window as unknown as { __bench: { runFeed(t: number, b: number, o: unknown): Promise<FeedRun> } }).__bench.runFeed(total, batch, {}), [items, FEED_BATCH] as const),
        );
      });
      figures.push(onCurve(FEED_CURVE, point, { figure: 'curve-busy-feed-profile', browser, site: 'x', unit: 'count', count: 1, note: `one run with the extension: ${profile}` }));
    }
  }
}

async function historyCurve(session: E2eSession, figures: Figure[]): Promise<void> {
  for (const years of [1, 5]) {
    const point = `${years} year${years === 1 ? '' : 's'}`;
    progress(`event log: ${point}`);
    const doc = heavyHistory(years);
    const at = (f: Figure) => onCurve(HISTORY_CURVE, point, f);
    const step = await importAndSync(session, doc);
    if ('refused' in step) throw new Error(`the history did not import: ${step.refused}`);
    const exportMs: number[] = [];
    for (let i = 0; i < repetitions(5, 2); i++) {
      const t0 = nodePerformance.now();
      const reply = await session.send({ type: 'export-requested' });
      if (!reply.ok) throw new Error(`export failed: ${JSON.stringify(reply)}`);
      exportMs.push(nodePerformance.now() - t0);
    }
    const renders = await rendersAfterImport(session, doc, HEAVY_OPENS);
    const what = `${doc.events.recent.length} recent + ${doc.events.daily.length} daily rows, ${doc.journal.length} journal entries`;
    figures.push(
      at(timing('curve-history-browser-import-ms', browser, '', [step.importMs], `import-requested round trip (parse, validate, store, sync), ${what}`)),
      at(timing('curve-history-browser-export-ms', browser, '', exportMs, 'export-requested round trip (the file built in the background and sent to the page)')),
      at(timing('curve-options-render-ms', browser, '', renders.options, `options.html: navigation start → first state drawn, ${renders.nodes.options} DOM nodes`)),
      at(timing('curve-popup-render-ms', browser, '', renders.popup, `popup.html: navigation start → first state drawn, ${renders.nodes.popup} DOM nodes`)),
    );
    if (browser === 'chromium') {
      // Reloaded in the same tab (same process), so the profiler started on the first load sees the second.
      const id = await session.inExtension((api) => api.runtime.id);
      for (const page of ['options', 'popup']) {
        const summary = await withPage(session, async (tab) => {
          const url = `chrome-extension://${id}/${page}.html`;
          await tab.goto(url);
          return profiled(tab, async () => {
            await tab.evaluate(() => location.reload());
            await tab.waitFor((mark: string) => performance.getEntriesByName(mark).length > 0, FIRST_STATE_MARK, 30_000);
          });
        });
        figures.push(at({ figure: `curve-${page}-render-profile`, browser, site: '', unit: 'count', count: 1, note: summary }));
      }
    }
  }
}

/** The default run: every figure with a budget, and the informational ones beside them. */
async function defaultRun(session: E2eSession): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (runs('nobody-guarded')) for (const scenario of scenarios) figures.push(await contentScriptsWhereNobodyGuarded(session, scenario));
  const reply = await session.send({
    type: 'person-added',
    label: 'Someone',
    accounts: allScenarios.map((s) => ({ site: s.site, handle: s.guarded.handle, ...(s.guarded.stableId ? { stableId: s.guarded.stableId } : {}) })),
    feedHiding: 'off',
  });
  if (!reply.ok) throw new Error(`person-added failed: ${JSON.stringify(reply)}`);
  // Feed hiding on for X, for someone who is not in the busy feed.
  const hiding = await session.send({ type: 'person-added', label: 'Someone else', accounts: [{ site: 'x', handle: BENCH_GUARDED_X }], feedHiding: 'hide' });
  if (!hiding.ok) throw new Error(`person-added (feed hiding) failed: ${JSON.stringify(hiding)}`);
  const hidingId = (hiding.data as { id: string }).id;
  const switchFeedHiding = async (how: FeedCase['how']) => {
    const reply = await session.send({ type: 'feed-hiding-changed', personId: hidingId, feedHiding: how === 'stylesheet' ? 'hide' : 'collapse' });
    if (!reply.ok) throw new Error(`feed-hiding-changed failed: ${JSON.stringify(reply)}`);
  };
  for (const scenario of scenarios) {
    figures.push(...(await firstFrameAndPressesOn(session, scenario)));
    if (runs('not-guarded')) figures.push(await notGuardedLoads(session, scenario));
    if (runs('startup')) figures.push(await startup(session, scenario));
    if (runs('startup-floor')) figures.push(await startupFloor(session, scenario));
  }
  if (runs('busy-feed')) figures.push(...(await busyFeed(session, switchFeedHiding)));
  if (runs('popup')) figures.push(await popupFirstRender(session));
  if (runs('heavy-history')) figures.push(...(await heavyHistoryRender(session)));
  return figures;
}

test(`browser figures (${browser}, ${mode})`, async () => {
  if (mode === 'throttle' && browser !== 'chromium') {
    writeFigures(await throttledRun(undefined));
    return;
  }
  const figures: Figure[] = [];
  const session = await launch();
  try {
    if (mode === 'default') figures.push(...(await defaultRun(session)));
    if (mode === 'throttle') {
      const step = await importAndSync(session, benchDocument());
      if ('refused' in step) throw new Error(`the bench document did not import: ${step.refused}`);
      figures.push(...(await throttledRun(session)));
    }
    if (mode === 'curves') {
      // Each curve writes into `figures` as it goes, and one that fails does not stop the next:
      // what was measured is kept, the failure is a figure of its own and fails the step.
      const curves = { people: peopleCurve, feed: feedCurve, history: historyCurve };
      const failed: string[] = [];
      for (const [name, curve] of Object.entries(curves)) {
        if (onlyCurves && !onlyCurves.includes(name)) continue;
        try {
          await curve(session, figures);
        } catch (error) {
          failed.push(name);
          figures.push({ figure: `curve-${name}-failed`, browser, site: '', unit: 'count', unmeasured: true, note: String(error).split('\n')[0]!.slice(0, 400) });
        }
      }
      if (failed.length > 0) throw new Error(`curves failed: ${failed.join(', ')}`);
    }
  } finally {
    await session.close();
    writeFigures(figures);
  }
  // One browser's figures take 5 to 6 minutes here on a quiet day, and more than the config's 10 on
  // a slower one (2026-12-02: the same build ran 2.5× slower, and the Chromium step was cut off at
  // 600 s with every figure lost); the slow-laptop run and the curves take longer still.
}, 3_600_000);
