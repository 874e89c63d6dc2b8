/**
 * Where the busy feed's extra main-thread time goes (issue 16, item 4), Chromium only: the bench's
 * busy feed (bench/fixtures/busy-feed.html, style counted) with feed hiding "hide" on for someone
 * on X who is not in it (the user-origin stylesheet) and, in the same run, the control origin
 * (no extension), in alternating pairs. A CDP trace of each run is summed by main-thread CPU time
 * (the trace's thread time: a shared machine's waits for a core are not counted), split into style
 * recalcs, our guard's script (the first stage's MutationObserver callbacks and listeners) and the
 * rest. Not part of `npm run bench`:
 *
 *   E2E_BROWSER=chromium E2E_OUTPUT_DIR=.output-bench node_modules/.bin/vitest run -c vitest.bench.config.ts bench/busy-feed-profile.measure.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { launch, withPage } from '../tests/e2e/harness/session';
import { cdpOf, type CdpLike } from './cdp';
import { CONTROL_ORIGIN } from '../tests/e2e/harness/fixture-server';
import { settle } from '../tests/e2e/harness/page-checks';
import { median } from './figures';

const PAIRS = Number(process.env.PAIRS ?? 4);
const URL_WITH = 'https://x.com/home?bench=busy-feed';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string } };
}


/** Thread ms of the main thread's top-level tasks, its style recalcs, and the script of our guard. */
function split(events: TraceEvent[]): { total: number; style: number; guard: number } {
  const main = events.find((e) => e.name === 'UpdateLayoutTree')?.tid ?? events.find((e) => e.name === 'ParseHTML')?.tid;
  const onMain = events.filter((e) => e.tid === main && e.ph === 'X');
  const ms = (list: TraceEvent[]) => list.reduce((t, e) => t + (e.tdur ?? 0), 0) / 1000;
  // Our script: FunctionCall events whose function is in one of the guard bundles; nested calls
  // of the same kind are not counted twice (the outermost holds them).
  const guardCalls = onMain.filter((e) => e.name === 'FunctionCall' && /guard-[a-z]+\.js/.test(e.args?.data?.url ?? ''));
  guardCalls.sort((a, b) => a.ts - b.ts);
  const outermost: TraceEvent[] = [];
  for (const call of guardCalls) {
    const last = outermost.at(-1);
    if (last && call.ts < last.ts + (last.dur ?? 0)) continue;
    outermost.push(call);
  }
  return { total: ms(onMain.filter((e) => e.name === 'RunTask')), style: ms(onMain.filter((e) => e.name === 'UpdateLayoutTree')), guard: ms(outermost) };
}

test('busy feed profile (chromium)', async () => {
  const session = await launch();
  try {
    const added = await session.send({ type: 'person-added', label: 'Someone else', accounts: [{ site: 'x', handle: 'bench_guarded_x' }], feedHiding: 'hide' });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const html = readFileSync(join(import.meta.dirname, 'fixtures', 'busy-feed.html'), 'utf8');
    const url = session.server.serveHtml(URL_WITH, html);
    const control = session.server.serveHtml(`${CONTROL_ORIGIN}${new URL(url).pathname}${new URL(url).search}`, html);
    const rows: Record<'with' | 'without', { total: number; style: number; guard: number }[]> = { with: [], without: [] };
    for (let i = 0; i < PAIRS; i++) {
      for (const which of i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        await withPage(session, async (page) => {
          await page.goto(which === 'with' ? url : control);
          await settle(page);
          const cdp = await cdpOf(page);
          const events: TraceEvent[] = [];
          cdp.on('Tracing.dataCollected', (p) => events.push(...(p as { value: TraceEvent[] }).value));
          const done = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
          await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'] }, transferMode: 'ReportEvents' });
          await page.evaluate(() => (window as unknown as { __bench: { runFeed(t: number, b: number, o: object): Promise<unknown> } }).__bench.runFeed(5000, 50, { flushStyle: true }));
          await cdp.send('Tracing.end');
          await done;
          await cdp.detach();
          rows[which].push(split(events));
        });
      }
    }
    const med = (which: 'with' | 'without', key: 'total' | 'style' | 'guard') => median(rows[which].map((r) => r[key]));
    const ratio = median(rows.with.map((w, i) => w.total / rows.without[i]!.total));
    console.log(
      `busy feed, ${PAIRS} pairs, main-thread CPU (thread time): total ${med('with', 'total').toFixed(0)} / ${med('without', 'total').toFixed(0)} ms (paired ratio ${ratio.toFixed(3)}); ` +
        `style recalc ${med('with', 'style').toFixed(0)} / ${med('without', 'style').toFixed(0)} ms; our guard's script ${med('with', 'guard').toFixed(1)} ms\n` +
        rows.with.map((w, i) => `  pair ${i + 1}: total ${w.total.toFixed(0)} / ${rows.without[i]!.total.toFixed(0)}, style ${w.style.toFixed(0)} / ${rows.without[i]!.style.toFixed(0)}, guard ${w.guard.toFixed(1)}`).join('\n'),
    );
  } finally {
    await session.close();
  }
});
