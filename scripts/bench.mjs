/**
 * npm run bench (issue #6): speed and cost of the built extension in Chromium and Firefox ESR,
 * compared with bench/budgets.json. Prints one table, writes the same data to
 * bench/results/<timestamp>.json and exits 1 when a budget is missed (or a measurement failed).
 * Not part of `npm test`: timings belong here, never in tests.
 *
 *   node scripts/bench.mjs [--quick] [--no-build] [--browsers=chromium,firefox] [--throttle=4 | --curves]
 *
 * --quick: fewer repetitions (CI smoke); counts are then judged as a share of the runs made.
 * --no-build: reuse .output-bench as it is.
 * --throttle=N: the slow-laptop run instead: the first-frame and press figures at 1× and with
 *   Chromium's CPU slowed N times (`-throttled` figures, the same budgets). Firefox has none.
 * --curves: the growth curves instead (guarded people, feed items, event log), each printed as a
 *   small table; informational, no budgets.
 *
 * Steps: build into .output-bench (never .output), gzip sizes read from the built manifests and
 * pages, the Node figures (event log), then bench/browser.measure.ts once per browser through
 * vitest (vitest.bench.config.ts), each writing its figures to a JSON file this script merges.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = '.output-bench';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const build = !args.includes('--no-build');
const browsers = (args.find((a) => a.startsWith('--browsers='))?.slice('--browsers='.length) ?? 'chromium,firefox')
  .split(',')
  .filter(Boolean);
const throttleArg = args.find((a) => a.startsWith('--throttle='));
const throttle = throttleArg ? Number(throttleArg.slice('--throttle='.length)) : undefined;
if (throttle !== undefined && !(throttle > 1)) {
  console.error('bench: --throttle=N needs N > 1 (4 is a modest laptop)');
  process.exit(1);
}
const curves = args.includes('--curves');
if (curves && throttle !== undefined) {
  console.error('bench: --throttle and --curves are two runs; run them one at a time');
  process.exit(1);
}
const mode = curves ? 'curves' : throttle !== undefined ? 'throttle' : 'default';
const budgets = JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8'));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const scratch = join(root, 'bench', 'results', `.parts-${stamp}`);
const startedAt = Date.now();

/** Failures of whole steps: a step that could not run misses every budget it would have checked. */
const failures = [];

function run(label, command, commandArgs, env = {}) {
  console.error(`> ${label}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) {
    failures.push(`${label}: exit ${result.status ?? result.signal}`);
    console.error(`${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n'));
    return false;
  }
  return true;
}

// ---- build -------------------------------------------------------------------------------------

if (build && !run(`build into ${outDir}`, process.execPath, ['scripts/build.mjs'], { WXT_OUT_DIR: outDir })) {
  console.error('bench: the build failed, nothing to measure');
  process.exit(1);
}

// ---- gzip sizes ------------------------------------------------------------------------------

const gzipKb = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Static imports of a built chunk (`import "./x.js"`, `from "./x.js"`), and dynamic ones apart. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const staticImports = [...text.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]);
  const dynamicImports = [...text.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1]);
  return { staticImports, dynamicImports };
}

/** Every file a page (or entry file) loads at start: its scripts and styles, their static imports. */
function closure(dir, entries) {
  const seen = new Set();
  const onDemand = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const rel = posix.normalize(queue.shift());
    if (seen.has(rel)) continue;
    seen.add(rel);
    if (!rel.endsWith('.js')) continue;
    const { staticImports, dynamicImports } = importsOf(join(dir, rel));
    for (const spec of staticImports) queue.push(posix.join(posix.dirname(rel), spec));
    for (const spec of dynamicImports) onDemand.add(posix.join(posix.dirname(rel), spec));
  }
  for (const rel of seen) onDemand.delete(rel);
  return { files: [...seen], onDemand: [...onDemand] };
}

function pageEntries(dir, html) {
  const text = readFileSync(join(dir, html), 'utf8');
  const scripts = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const links = [...text.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...scripts, ...links].map((src) => src.replace(/^\//, ''));
}

function sizeFigure(figure, browser, dir, entries, what) {
  const { files, onDemand } = closure(dir, entries);
  const kb = files.reduce((sum, rel) => sum + gzipKb(join(dir, rel)), 0);
  const later = onDemand.reduce((sum, rel) => sum + gzipKb(join(dir, rel)), 0);
  const note = `${what}: ${files.length} file(s), gzip -9${onDemand.length ? `; +${later.toFixed(1)} kB loaded on demand (${onDemand.length} chunk(s))` : ''}`;
  return { figure, browser, site: '', unit: 'kB', value: kb, note };
}

function sizes() {
  const figures = [];
  for (const [browser, target] of [
    ['chromium', 'chrome-mv3'],
    ['firefox', 'firefox-mv3'],
  ]) {
    const dir = join(root, outDir, target);
    if (!existsSync(join(dir, 'manifest.json'))) {
      failures.push(`sizes: no build in ${dir}`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // The guard is registered at run time, in stages (utils/background/registration.ts). The
    // first stage is one unlisted script per registered site (modules/site-bundles.ts), at the
    // output's root, run at document_start after the cover flag (guarded accounts' pages): the two
    // together are the figure, per site. The feed stage (guard-feed.js, one for every site) runs
    // before it only where feeds hide someone, and the UI stage (guard-ui.js) comes after the
    // first frame: each reported apart.
    const manifestFiles = (manifest.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]);
    const uiStage = 'guard-ui.js';
    const feedStage = 'guard-feed.js';
    const bundles = readdirSync(dir).filter((f) => /^guard-.+\.js$/.test(f) && f !== uiStage && f !== feedStage);
    if (bundles.length === 0) failures.push(`sizes: no first-stage bundles in ${dir}`);
    for (const bundle of bundles) {
      const site = bundle.slice('guard-'.length, -'.js'.length);
      const entries = [...manifestFiles, 'content-scripts/cover-flag.js', bundle];
      figures.push({
        ...sizeFigure('gzip-first-stage-kb', browser, dir, entries, `at document_start on ${site}: cover flag + ${bundle}`),
        site,
      });
    }
    if (existsSync(join(dir, feedStage))) {
      figures.push(sizeFigure('gzip-feed-stage-kb', browser, dir, [feedStage], `${feedStage}: the feed hider, every site, before the first stage where feeds hide someone`));
    } else failures.push(`sizes: no ${feedStage} in ${dir}`);
    if (existsSync(join(dir, uiStage))) {
      figures.push(sizeFigure('gzip-ui-stage-kb', browser, dir, [uiStage], `${uiStage}: the dialog, every site, at document_idle or injected on the first prompt`));
    } else failures.push(`sizes: no ${uiStage} in ${dir}`);
    figures.push(sizeFigure('gzip-interstitial-kb', browser, dir, pageEntries(dir, 'pause.html'),
      'pause.html (the interstitial as a page; the in-page interstitial ships inside the content script)'));
    figures.push(sizeFigure('gzip-popup-kb', browser, dir, pageEntries(dir, manifest.action?.default_popup ?? 'popup.html'), 'popup.html'));
    figures.push(sizeFigure('gzip-options-kb', browser, dir, pageEntries(dir, manifest.options_ui?.page ?? 'options.html'), 'options.html'));
    const background = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
    figures.push(sizeFigure('gzip-background-kb', browser, dir, background, `background (${background.join(', ')})`));
  }
  return figures;
}

// ---- measurements through vitest ---------------------------------------------------------------

mkdirSync(scratch, { recursive: true });
const vitest = join(root, 'node_modules', '.bin', 'vitest');

function measure(label, file, env) {
  const out = join(scratch, `${label}.json`);
  run(label, vitest, ['run', '-c', 'vitest.bench.config.ts', file], {
    ...env, BENCH_OUT: out, BENCH_QUICK: quick ? '1' : '0', BENCH_MODE: mode, BENCH_THROTTLE: String(throttle ?? 1),
  });
  // The browser measure writes what it has even when a step failed part-way.
  return existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : [];
}

// The slow-laptop run and the curves leave out the default run's sizes and Node figures.
const figures =
  mode === 'default'
    ? [...sizes(), ...measure('event log (node)', 'bench/event-log.measure.ts', {}), ...measure('store (node)', 'bench/store.measure.ts', {})]
    : mode === 'curves'
      ? measure('curves (node)', 'bench/curves.measure.ts', {})
      : [];
for (const browser of browsers) {
  figures.push(
    ...measure(`${browser}`, 'bench/browser.measure.ts', { E2E_BROWSER: browser, E2E_OUTPUT_DIR: join(root, outDir) }),
  );
}
rmSync(scratch, { recursive: true, force: true });

// ---- budgets -------------------------------------------------------------------------------------

/** A `-throttled` figure has the budget of the figure it repeats. */
const THROTTLED = /-throttled$/;
const baseName = (figure) => figure.replace(THROTTLED, '');

/** 'pass' | 'miss' | 'info' | 'n/a', and the budget as text. Curve points are informational. */
function judge(f) {
  const budget = f.curve ? undefined : budgets[baseName(f.figure)];
  if (!budget) return { status: 'info', budget: '(no budget)' };
  if (f.unmeasured) return { status: 'n/a', budget: budgetText(budget) };
  switch (budget.kind) {
    case 'count': {
      if (budget.min !== undefined) {
        // Quick runs make fewer tries: the budget is the same share of the tries made.
        const needed = Math.ceil((budget.min / budget.of) * (f.of ?? budget.of));
        return { status: (f.count ?? -1) >= needed ? 'pass' : 'miss', budget: `${needed} of ${f.of ?? budget.of}` };
      }
      return { status: (f.count ?? Infinity) <= budget.max ? 'pass' : 'miss', budget: `≤ ${budget.max}` };
    }
    case 'ms': {
      // A timing budget on its median, its p95, or both.
      const ok = (budget.median === undefined || f.median <= budget.median) && (budget.p95 === undefined || (f.p95 ?? Number.NaN) <= budget.p95);
      return { status: Number.isFinite(f.median) && ok ? 'pass' : 'miss', budget: budgetText(budget) };
    }
    case 'ratio':
    case 'size':
      return { status: Number.isFinite(f.value) && f.value <= budget.max ? 'pass' : 'miss', budget: budgetText(budget) };
    default:
      return { status: 'info', budget: 'informational' };
  }
}

function budgetText(budget) {
  if (budget.kind === 'ms') return [budget.median !== undefined && `med ≤ ${budget.median} ms`, budget.p95 !== undefined && `p95 ≤ ${budget.p95} ms`].filter(Boolean).join(', ');
  if (budget.kind === 'size') return `≤ ${budget.max} kB`;
  if (budget.kind === 'ratio') return `≤ ${budget.max}`;
  if (budget.kind === 'count') return budget.min !== undefined ? `${budget.min} of ${budget.of}` : `≤ ${budget.max}`;
  return 'informational';
}

const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function resultText(f) {
  if (f.unmeasured) return 'not measured';
  if (f.unit === 'count') return f.of !== undefined ? `${f.count} of ${f.of}` : `${f.count}`;
  if (f.unit === 'ms') return f.p95 !== undefined ? `med ${fixed(f.median)} / p95 ${fixed(f.p95)} ms` : `med ${fixed(f.median)} ms`;
  if (f.unit === 'µs') return `med ${fixed(f.median, 2)} / p95 ${fixed(f.p95, 2)} µs`;
  if (f.unit === 'ratio') return fixed(f.value, 3);
  if (f.unit === 'kB') return `${fixed(f.value)} kB`;
  return String(f.value ?? f.median ?? '');
}

const order = Object.keys(budgets).filter((k) => !k.startsWith('$'));
figures.sort(
  (a, b) =>
    order.indexOf(baseName(a.figure)) - order.indexOf(baseName(b.figure)) ||
    Number(THROTTLED.test(a.figure)) - Number(THROTTLED.test(b.figure)) ||
    a.browser.localeCompare(b.browser) ||
    a.site.localeCompare(b.site) ||
    (a.variant ?? '').localeCompare(b.variant ?? ''),
);
const rows = figures.map((f) => ({ ...f, ...judge(f), result: resultText(f) }));

function printTable(header, table) {
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table) console.log(line(row));
}

const where = (r) => [r.site, r.variant].filter(Boolean).join(', ') || '–';
const numbered = rows.map((r, i) => ({ ...r, n: i + 1 }));
const listed = numbered.filter((r) => !r.curve);
if (listed.length > 0) {
  printTable(
    ['#', 'figure', 'browser', 'site, variant', 'cpu', 'result', 'budget', 'status'],
    listed.map((r) => [String(r.n), baseName(r.figure), r.browser, where(r), THROTTLED.test(r.figure) ? `${throttle}× slower` : '1×', r.result, r.budget, r.status]),
  );
}
// Each curve as its own small table: one row per figure (browser, site), one column per point.
for (const curve of [...new Set(numbered.filter((r) => r.curve).map((r) => r.curve))]) {
  const ofCurve = numbered.filter((r) => r.curve === curve);
  const points = [...new Set(ofCurve.map((r) => r.point))];
  const lines = [...new Set(ofCurve.map((r) => `${r.figure}\t${r.browser}\t${where(r)}`))];
  console.log(`\nCurve: ${curve}`);
  printTable(
    ['figure', 'browser', 'site', ...points],
    lines.map((key) => {
      const [figure, browser, site] = key.split('\t');
      const cells = points.map((p) => {
        const r = ofCurve.find((c) => c.figure === figure && c.browser === browser && where(c) === site && c.point === p);
        return r ? `${r.result} [${r.n}]` : '–';
      });
      return [figure, browser, site, ...cells];
    }),
  );
}
console.log('\nHow each figure was measured ([n] in the curves):');
for (const r of numbered) if (r.note) console.log(`  ${r.n}. ${r.curve ? `(${r.curve}: ${r.point}) ` : ''}${r.note}`);

const missed = rows.filter((r) => r.status === 'miss');
const seconds = Math.round((Date.now() - startedAt) / 1000);
const resultsFile = join(root, 'bench', 'results', `${stamp}.json`);
mkdirSync(dirname(resultsFile), { recursive: true });
writeFileSync(
  resultsFile,
  `${JSON.stringify({ startedAt: new Date(startedAt).toISOString(), seconds, quick, mode, ...(throttle !== undefined && { throttle }), browsers, failures, figures: rows }, null, 2)}\n`,
);

console.log(`\n${rows.length} figures in ${seconds} s${quick ? ' (--quick)' : ''}${mode === 'default' ? '' : ` (${mode === 'curves' ? '--curves' : `--throttle=${throttle}`})`}; results in ${posix.relative(root, resultsFile)}`);
for (const failure of failures) console.log(`step failed: ${failure}`);
if (missed.length > 0) console.log(`budgets missed: ${missed.map((r) => `${r.figure} (${r.browser}${r.site ? `, ${r.site}` : ''})`).join('; ')}`);
process.exit(missed.length > 0 || failures.length > 0 ? 1 : 0);
