/**
 * Where the first stage's start-up time goes (issue 16, `content-script-startup-ms`), Chromium
 * only: full loads of the page of someone not guarded on a site where someone is, alternating with
 * the control origin (so each load is a new renderer process, as in the bench), each under a CDP
 * trace. Per load: the probe's first byte → first script, the trace's events of our scripts by
 * name (compile, run) and the browser's content-script injection; and, with the extension, our
 * scripts' self time by function from the V8 sampling profiler (50 µs; the UI stage's idle work is
 * in it too, since the load runs to its end). A third load of each round has the site's guard
 * registrations swapped for a one-line document_start script on the same pages (the floor: what
 * the browser's injection costs any script there). Medians are printed. Not part of `npm run bench`:
 *
 *   E2E_BROWSER=chromium E2E_OUTPUT_DIR=.output-bench BENCH_SITES=x node_modules/.bin/vitest run -c vitest.bench.config.ts bench/startup-profile.measure.ts
 */
import { test } from 'vitest';
import type { SiteScenario } from '../tests/fixtures/sites/scenario-types';
import type { FixtureVars } from '../tests/e2e/harness/fixture-server';
import { launch, withPage } from '../tests/e2e/harness/session';
import { cdpOf, traced, urlOf } from './cdp';
import { median } from './figures';
import { withProbe } from './probe';
import { withStartupFloor } from './startup-floor';

const LOADS = Number(process.env.LOADS ?? 10);
/** PROFILE=0: no sampling profiler on the loads with the extension (it slows them; the trace's figures are then comparable with the floor's). */
const PROFILE = process.env.PROFILE !== '0';
const modules = import.meta.glob<{ scenario: SiteScenario }>('../tests/fixtures/sites/*/scenario.ts', { eager: true });
const onlySites = process.env.BENCH_SITES?.split(',').filter(Boolean);
const scenarios = Object.values(modules)
  .map((m) => m.scenario)
  .filter((s) => !onlySites || onlySites.includes(s.site));



const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'blink', 'loading', 'extensions'];

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Adds the profile's samples in our scripts to `selfUs`, by function (µs of self time). */
function addSamples(selfUs: Map<string, number>, profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, k) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    if (!url.startsWith('chrome-extension://')) return;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    selfUs.set(name, (selfUs.get(name) ?? 0) + (profile.timeDeltas[k + 1] ?? 50));
  });
}

test('start-up profile (chromium)', async () => {
  const session = await launch();
  try {
    const reply = await session.send({
      type: 'person-added',
      label: 'Someone',
      accounts: scenarios.map((s) => ({ site: s.site, handle: s.guarded.handle, ...(s.guarded.stableId ? { stableId: s.guarded.stableId } : {}) })),
      feedHiding: 'off',
    });
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    for (const scenario of scenarios) {
      const vars: FixtureVars = { handle: scenario.other, other: scenario.other };
      const served = session.server.serveFixture(scenario.pages.otherProfile.url, scenario.site, scenario.pages.otherProfile.fixture, vars);
      const url = session.server.serveHtml(served, withProbe(session.server.respond(served)!.body as string));
      const control = session.server.serveHtml(session.server.controlUrl(url), withProbe(session.server.respond(served)!.body as string));
      const sums = new Map<string, number[]>();
      const selfUs = new Map<string, number>();
      for (let i = 0; i < LOADS; i++) {
        for (const which of ['with', 'without', 'floor'] as const) {
          // 'floor': the site's guard registrations swapped for a one-line document_start script on
          // the same pages for this load (bench/startup-floor.ts).
          const load = async () => withPage(session, async (page) => {
            await page.goto('about:blank');
            const cdp = await cdpOf(page);
            const key = (k: string, ms: number) => sums.set(`${which} ${k}`, [...(sums.get(`${which} ${k}`) ?? []), ms]);
            let probe = { firstScriptAt: 0, responseStartAt: 0 };
            const events = await traced(cdp, CATEGORIES, async () => {
              if (which === 'with' && PROFILE) {
                await cdp.send('Profiler.enable');
                await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
                await cdp.send('Profiler.start');
              }
              await page.goto(which === 'without' ? control : url);
              if (which === 'with' && PROFILE) addSamples(selfUs, ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
              probe = await page.evaluate(() => (window as unknown as { __benchProbe: { firstScriptAt: number; responseStartAt: number } }).__benchProbe);
            });
            await cdp.detach();
            key('page first byte → first script (probe)', probe.firstScriptAt - probe.responseStartAt);
            // Per load: complete events whose script is one of ours, summed by name (nested events
            // not taken apart), and the browser's injection of content scripts.
            const ours = new Map<string, number>();
            for (const e of events) {
              if (e.ph !== 'X') continue;
              const name = urlOf(e).startsWith('chrome-extension://') ? `ours ${e.name} ${urlOf(e).split('/').pop()}` : /ScriptInjection::InjectJs/.test(e.name) ? `injection ${e.name}` : undefined;
              if (name) ours.set(name, (ours.get(name) ?? 0) + (e.dur ?? 0) / 1000);
            }
            for (const [name, ms] of ours) key(name, ms);
          });
          await (which === 'floor' ? withStartupFloor(session, scenario.site, load) : load());
        }
      }
      console.log(`\n${scenario.site} (${LOADS} loads each, medians, ms)`);
      for (const [k, v] of [...sums].sort()) console.log(`  ${k}: ${median(v).toFixed(2)} (n=${v.length})`);
      const top = [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 25);
      console.log(`  our self time by function, ms per load:`);
      for (const [name, us] of top) console.log(`    ${(us / 1000 / LOADS).toFixed(2)} ${name}`);
    }
  } finally {
    await session.close();
  }
});
