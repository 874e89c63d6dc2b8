/**
 * What the feed stylesheet's selector shapes cost per batch (issue 16, item 4), without the rest of
 * the extension: the busy feed (bench/fixtures/busy-feed.html, style counted: one computed style read
 * per batch) in Chromium, with each candidate sheet as a page `<style>` (the same selector matching
 * as the user-origin sheet; only the cascade origin differs), against no sheet, in alternating
 * pairs, by main-thread CPU time from a CDP trace (thread time, so a shared machine's waits do not
 * count): all tasks, and the style recalcs (UpdateLayoutTree) alone. Not part of `npm run bench`:
 *
 *   node_modules/.bin/vitest run -c vitest.bench.config.ts bench/feed-selectors.measure.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { test } from 'vitest';
import x from '../utils/sites/x';
import type { Handle } from '../utils/sites/site-adapter';
import { median } from './figures';

const PAIRS = Number(process.env.PAIRS ?? 7);
const html = readFileSync(join(import.meta.dirname, 'fixtures', 'busy-feed.html'), 'utf8');
const guarded = { handle: 'bench_guarded_x' as Handle };

function sheet(selectors: string[]): string {
  return selectors.map((s) => `${s} { display: none !important; }`).join('\n');
}

const variants: Record<string, string> = {
  current: sheet(x.feedItem!.hideSelectors!(guarded, 'own') ?? []),
  ...(process.env.VARIANTS ? JSON.parse(readFileSync(process.env.VARIANTS, 'utf8')) : {}),
};

test('feed selector shapes (chromium)', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const run = async (css: string) => {
      await page.setContent(css ? html.replace('</head>', `<style>${css}</style></head>`) : html);
      // Thread time (the trace's tdur), not wall time: on a shared machine, time the main thread
      // waited for a core is not our cost.
      const events: { name: string; ph: string; tdur?: number; tid: number }[] = [];
      const collect = (p: { value: unknown[] }) => events.push(...(p.value as typeof events));
      cdp.on('Tracing.dataCollected', collect);
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] }, transferMode: 'ReportEvents' });
      const busy = await page.evaluate(() => (window as unknown as { __bench: { runFeed(t: number, b: number, o: object): Promise<{ busy: number }> } }).__bench.runFeed(5000, 50, { flushStyle: true }).then((r) => r.busy));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      const main = events.find((e) => e.name === 'UpdateLayoutTree')?.tid;
      const sum = (name: string) => events.filter((e) => e.name === name && e.tid === main && e.ph === 'X').reduce((t, e) => t + (e.tdur ?? 0), 0) / 1000;
      return { busy, recalc: sum('UpdateLayoutTree'), task: sum('RunTask') };
    };
    for (const [name, css] of Object.entries(variants)) {
      const ratios: number[] = [];
      const taskRatios: number[] = [];
      const recalcWith: number[] = [];
      const recalcWithout: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        const order = i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const);
        const got: Record<string, Awaited<ReturnType<typeof run>>> = {};
        for (const which of order) got[which] = await run(which === 'with' ? css : '');
        ratios.push(got.with!.busy / got.without!.busy);
        taskRatios.push(got.with!.task / got.without!.task);
        recalcWith.push(got.with!.recalc);
        recalcWithout.push(got.without!.recalc);
      }
      console.log(
        `${name.padEnd(20)} main-thread CPU ratio median ${median(taskRatios).toFixed(3)} [${taskRatios.map((r) => r.toFixed(2)).join(' ')}]; ` +
          `style recalc CPU median ${median(recalcWith).toFixed(0)} ms with, ${median(recalcWithout).toFixed(0)} ms without; ` +
          `page-world wall ratio ${median(ratios).toFixed(2)}; ${css.length} chars`,
      );
    }
  } finally {
    await browser.close();
  }
});
