/**
 * Where a cold press's time goes (issue 16, item 2: cover → dialog when the UI stage is not loaded
 * yet). Chromium only: a DevTools trace (CDP Tracing, every process: the tab's renderer and the
 * extension's service worker) around one press on the guarded person's post, with the UI stage's
 * `document_idle` registration taken away, as the bench's "dialog code not loaded yet" variant.
 * Prints, per press, the time from the press to each step on the trace's clock: the pointerdown
 * dispatch, the worker's message handler, the executeScript injection, the UI stage's compile and
 * run, and focus moving into the dialog. Not part of `npm run bench`:
 *
 *   E2E_BROWSER=chromium E2E_OUTPUT_DIR=.output-bench node_modules/.bin/vitest run -c vitest.bench.config.ts bench/cold-press-profile.measure.ts
 */
import { test } from 'vitest';
import { launch, withPage } from '../tests/e2e/harness/session';
import { cdpOf, traced, urlOf, type TraceEvent } from './cdp';
import { fillPlaceholders, type FixtureVars } from '../tests/e2e/harness/fixture-server';
import { settle } from '../tests/e2e/harness/page-checks';
import type { SiteScenario } from '../tests/fixtures/sites/scenario-types';
import { withProbe } from './probe';

const modules = import.meta.glob<{ scenario: SiteScenario }>('../tests/fixtures/sites/*/scenario.ts', { eager: true });
const site = process.env.BENCH_SITES?.split(',')[0] ?? 'x';
const scenario = Object.values(modules).map((m) => m.scenario).find((s) => s.site === site)!;
const PRESSES = Number(process.env.PROFILE_PRESSES ?? 5);
/** PROFILE_THROTTLE=4: the page's CPU slowed as in `npm run bench -- --throttle=4` (DevTools' CPU throttling). */
const THROTTLE = Number(process.env.PROFILE_THROTTLE ?? 1);



const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'toplevel', 'blink', 'extensions',
  'ipc', 'mojom', 'disabled-by-default-v8.compile', 'loading', 'ServiceWorker', 'blink.user_timing', 'scheduler',
].join(',');



/** The steps of one press, in ms from the pointerdown dispatch; durations where the step has one. */
function steps(events: TraceEvent[]): string[] {
  const complete = events.filter((e) => e.ph === 'X' || e.ph === 'B' || e.ph === 'I' || e.ph === 'i' || e.ph === 'R' || e.ph === 'n');
  const down = complete.find((e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string } | undefined)?.type === 'pointerdown');
  if (!down) return ['no pointerdown in the trace'];
  const t0 = down.ts;
  const ms = (ts: number) => ((ts - t0) / 1000).toFixed(1);
  const lines: string[] = [`pointerdown dispatch: 0.0 (+${((down.dur ?? 0) / 1000).toFixed(1)} ms long)`];
  const after = complete.filter((e) => e.ts >= t0).sort((a, b) => a.ts - b.ts);
  const rendererMain = down.tid;
  // Everything on the renderer's main thread that took 1 ms or more, and everything about guard-ui.js.
  for (const e of after) {
    const long = (e.dur ?? 0) >= 1000;
    const ours = urlOf(e).includes('guard-ui') || urlOf(e).includes('background');
    const interesting = ours || (e.tid === rendererMain && long && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
    const sw = e.tid !== rendererMain && (e.cat.includes('ServiceWorker') || e.cat.includes('extensions')) && e.name !== 'TracingStartedInBrowser';
    if (!interesting && !sw) continue;
    if (e.ts - t0 > 2_000_000) break;
    lines.push(`${ms(e.ts)}  ${e.dur !== undefined ? `${(e.dur / 1000).toFixed(1)} ms` : 'instant'}  [${e.pid}:${e.tid}${e.tid === rendererMain ? ' main' : ''}] ${e.cat} ${e.name} ${urlOf(e).replace(/^chrome-extension:\/\/[a-z]+\//, '')}`);
  }
  return lines;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function of our bundles, and per bundle in total, from a sampled CPU profile. */
function selfTimes(profile: CpuProfile): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const perFile = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(/^chrome-extension:\/\/[a-z]+\//, '');
    if (!file.startsWith('guard-')) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const key = `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1} ${frame.functionName || '(anonymous)'}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    perFile.set(file, (perFile.get(file) ?? 0) + ms);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `  ${v.toFixed(2)} ms  ${k}`);
  return [...[...perFile].map(([f, v]) => `  total ${v.toFixed(2)} ms  ${f}`), ...top];
}

test('cold press profile (chromium)', async () => {
  const session = await launch();
  try {
    const added = await session.send({ type: 'person-added', label: 'Someone', accounts: [{ site: scenario.site, handle: scenario.guarded.handle }], feedHiding: 'off' });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const keepUi = process.env.PROFILE_KEEP_UI === '1';
    if (!keepUi) await session.inExtension((api) => api.scripting.unregisterContentScripts({ ids: ['guard-ui'] }));
    const vars: FixtureVars = { handle: scenario.guarded.handle, other: scenario.other };
    const served = session.server.serveFixture(scenario.pages.feed.url, scenario.site, scenario.pages.feed.fixture, vars);
    const url = session.server.serveHtml(served, withProbe(session.server.respond(served)!.body));
    const control = scenario.controls.find((c) => (c.gesture ?? 'press') === 'press')!;
    const selector = fillPlaceholders(control.guarded, vars);
    await withPage(session, async (page) => {
      const cdp = await cdpOf(page);
      for (let i = 0; i < PRESSES; i++) {
        await page.goto(url);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        await settle(page);
        const centre = await page.evaluate((sel) => {
          const el = document.querySelector(sel)!;
          el.scrollIntoView({ block: 'center' });
          const box = el.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }, selector);
        const mouse = (page as unknown as { page: { mouse: { move(x: number, y: number): Promise<void>; down(): Promise<void>; up(): Promise<void> } } }).page.mouse;
        await mouse.move(centre.x, centre.y);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        const events = await traced(cdp, CATEGORIES.split(','), async () => {
          await mouse.down();
          await mouse.up();
          await page.waitFor(() => (window as unknown as { __benchProbe: { dialogAtWall: number | null } }).__benchProbe.dialogAtWall !== null, undefined, 5_000);
        });
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        console.log(`--- press ${i + 1}: CPU profile, self time by function (guard-ui.js and guard-${site}.js)\n${selfTimes(profile).join('\n')}`);
        const probe = await page.evaluate(() => (window as unknown as { __benchProbe: { hostAtWall: number; dialogAtWall: number } }).__benchProbe);
        console.log(`--- press ${i + 1}: cover → dialog ${(probe.dialogAtWall - probe.hostAtWall).toFixed(1)} ms (page clock)\n${steps(events).join('\n')}`);
        await page.press('Escape');
        await page.waitFor(() => document.documentElement.children.length <= 2, undefined, 5_000).catch(() => undefined);
      }
      await cdp.detach();
    });
  } finally {
    await session.close();
  }
});
