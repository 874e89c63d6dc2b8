/**
 * Where the first stage's start-up time goes (issue 16, `content-script-startup-ms`), Chromium
 * only: full loads of the page of someone not guarded on a site where someone is, each under a
 * CDP trace from before the navigation, and the trace's main-thread events between the document's
 * first byte and the page's first script summed by kind for our bundle (compile, run) and the rest.
 * Not part of `npm run bench`:
 *
 *   E2E_BROWSER=chromium E2E_OUTPUT_DIR=.output-bench BENCH_SITES=x node_modules/.bin/vitest run -c vitest.bench.config.ts bench/startup-profile.measure.ts
 */
import { test } from 'vitest';
import type { SiteScenario } from '../tests/fixtures/sites/scenario-types';
import type { FixtureVars } from '../tests/e2e/harness/fixture-server';
import { launch, withPage } from '../tests/e2e/harness/session';
import { cdpOf } from './cdp';
import { median } from './figures';
import { withProbe } from './probe';

const LOADS = Number(process.env.LOADS ?? 10);
const modules = import.meta.glob<{ scenario: SiteScenario }>('../tests/fixtures/sites/*/scenario.ts', { eager: true });
const onlySites = process.env.BENCH_SITES?.split(',').filter(Boolean);
const scenarios = Object.values(modules)
  .map((m) => m.scenario)
  .filter((s) => !onlySites || onlySites.includes(s.site));

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string; fileName?: string; functionName?: string }; fileName?: string };
}

function urlOf(e: TraceEvent): string {
  return e.args?.data?.url ?? e.args?.data?.fileName ?? e.args?.fileName ?? '';
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
        for (const which of ['with', 'without'] as const) {
          await withPage(session, async (page) => {
            await page.goto('about:blank');
            const cdp = await cdpOf(page);
            const events: TraceEvent[] = [];
            cdp.on('Tracing.dataCollected', (p) => events.push(...(p as { value: TraceEvent[] }).value));
            const done = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
            await cdp.send('Tracing.start', {
              traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'blink', 'loading', 'extensions'] },
              transferMode: 'ReportEvents',
            });
            if (which === 'with') {
              await cdp.send('Profiler.enable');
              await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
              await cdp.send('Profiler.start');
            }
            await page.goto(which === 'with' ? url : control);
            if (which === 'with') {
              type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number };
              const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
              const byId = new Map(profile.nodes.map((n) => [n.id, n]));
              profile.samples.forEach((id, k) => {
                const node = byId.get(id)!;
                const { functionName, url: u, lineNumber, columnNumber } = node.callFrame;
                if (!u.startsWith('chrome-extension://')) return;
                const name = `${functionName || '(anonymous)'} ${u.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
                selfUs.set(name, (selfUs.get(name) ?? 0) + (profile.timeDeltas[k + 1] ?? 50));
              });
            }
            const probe = await page.evaluate(() => (window as unknown as { __benchProbe: { firstScriptAt: number; responseStartAt: number } }).__benchProbe);
            await cdp.send('Tracing.end');
            await done;
            await cdp.detach();
            const key = (k: string, ms: number) => sums.set(`${which} ${k}`, [...(sums.get(`${which} ${k}`) ?? []), ms]);
            key('page first byte → first script (probe)', probe.firstScriptAt - probe.responseStartAt);
            // Complete events on any thread whose url is one of ours, by name (self-nesting not removed).
            const ours = events.filter((e) => e.ph === 'X' && /chrome-extension:\/\//.test(urlOf(e)));
            const byName = new Map<string, number>();
            for (const e of ours) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
            for (const [name, ms] of byName) key(`ours ${name}`, ms);
            const extEvents = events.filter((e) => e.ph === 'X' && /extension|ScriptInjection|ContentScript|UserScript/i.test(e.name + e.cat));
            const byExt = new Map<string, number>();
            for (const e of extEvents) byExt.set(`${e.cat}:${e.name}`, (byExt.get(`${e.cat}:${e.name}`) ?? 0) + (e.dur ?? 0) / 1000);
            for (const [name, ms] of byExt) key(`ext ${name}`, ms);
          });
        }
      }
      console.log(`\n${scenario.site} (${LOADS} loads each, medians, ms)`);
      for (const [k, v] of [...sums].sort()) if (!k.includes('WebRequestProxying')) console.log(`  ${k}: ${median(v).toFixed(2)} (n=${v.length})`);
      const top = [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 25);
      console.log(`  our self time by function, ms per load:`);
      for (const [name, us] of top) console.log(`    ${(us / 1000 / LOADS).toFixed(2)} ${name}`);
    }
  } finally {
    await session.close();
  }
});
