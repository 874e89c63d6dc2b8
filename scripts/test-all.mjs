/**
 * `npm test`: every layer in order, stopping at the first one that fails, always ending with a
 * summary: one line per layer (and per browser), then exactly `N passed, N failed`.
 *
 *   browsers → typecheck → unit → build → lint (Firefox) → verify-sources → e2e Chromium → e2e Firefox
 *
 * Test layers count tests (from vitest's JSON report); the other layers count as one check each.
 * `--only <layer>[,<layer>]` runs a subset; `--only e2e` runs browsers, build and both e2e layers.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// TEST_REPORTS_DIR keeps vitest's JSON reports (per-test results) for a closer look; else a temp dir.
const keepReports = process.env.TEST_REPORTS_DIR;
if (keepReports) mkdirSync(keepReports, { recursive: true });
const reports = keepReports ?? mkdtempSync(join(tmpdir(), 'ncg-test-'));

/** @typedef {{ passed: number, failed: number, skipped: number, note?: string }} Counts */

function run(command, args, { env = {}, capture = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) console.error(result.error.message);
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

/** One check: passed or failed. */
function check(ok, note) {
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, note };
}

function vitestLayer(name, args, env = {}) {
  const report = join(reports, `${name}.json`);
  const { ok } = run(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    env,
  });
  if (!existsSync(report)) return check(false, 'no report (vitest did not finish)');
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const counts = {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
  // A suite that fails to load has no failed test but fails the run.
  if (!ok && counts.failed === 0) return { ...counts, failed: 1, note: 'a test file failed to load' };
  if (ok && counts.passed === 0) return { ...counts, failed: 1, note: 'no test ran' };
  return counts;
}

function lintLayer() {
  const { stdout } = run(bin('web-ext'), ['lint', '-s', '.output/firefox-mv3', '--no-input', '--output', 'json'], {
    capture: true,
  });
  let json;
  try {
    json = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch {
    return check(false, 'web-ext lint printed no JSON');
  }
  const { errors = 0, warnings = 0, notices = 0 } = json.summary ?? {};
  for (const level of ['errors', 'warnings', 'notices']) {
    for (const item of json[level] ?? []) {
      console.log(`  ${level.slice(0, -1)} ${item.code}: ${item.file ?? ''}${item.line ? `:${item.line}` : ''} ${item.message}`);
    }
  }
  return check(errors === 0, `${errors} errors, ${warnings} warnings, ${notices} notices`);
}

const layers = [
  { name: 'browsers', group: 'e2e', run: () => check(run('sh', [join(root, 'scripts/ensure-browsers.sh')]).ok) },
  { name: 'typecheck', run: () => check(run(bin('tsc'), ['--noEmit']).ok) },
  { name: 'unit', run: () => vitestLayer('unit', []) },
  { name: 'build', group: 'e2e', run: () => check(run(process.execPath, [join(root, 'scripts/build.mjs')]).ok) },
  { name: 'lint', run: lintLayer },
  // The sources zip (what AMO reviewers build) rebuilds to the Firefox zip, byte for byte (about 5 s).
  { name: 'verify-sources', run: () => check(run(process.execPath, [join(root, 'scripts/verify-sources.mjs')]).ok) },
  {
    name: 'e2e chromium',
    group: 'e2e',
    run: () => vitestLayer('e2e-chromium', ['-c', 'vitest.e2e.config.ts'], { E2E_BROWSER: 'chromium' }),
  },
  {
    name: 'e2e firefox',
    group: 'e2e',
    run: () => vitestLayer('e2e-firefox', ['-c', 'vitest.e2e.config.ts'], { E2E_BROWSER: 'firefox' }),
  },
];

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : undefined;
const selected = only
  ? layers.filter((layer) => only.includes(layer.name) || (layer.group && only.includes(layer.group)))
  : layers;

/** @type {{ name: string, counts?: Counts }[]} */
const results = [];
let stopped = false;
for (const layer of selected) {
  if (stopped) {
    results.push({ name: layer.name });
    continue;
  }
  console.log(`\n=== ${layer.name} ===`);
  const counts = layer.run();
  results.push({ name: layer.name, counts });
  if (counts.failed > 0) stopped = true;
}
if (!keepReports) rmSync(reports, { recursive: true, force: true });

console.log('\n=== summary ===');
let passed = 0;
let failed = 0;
const width = Math.max(...results.map((r) => r.name.length));
for (const { name, counts } of results) {
  if (!counts) {
    console.log(`${name.padEnd(width)}  not run`);
    continue;
  }
  passed += counts.passed;
  failed += counts.failed;
  const note = counts.note ? ` (${counts.note})` : '';
  console.log(`${name.padEnd(width)}  ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${note}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => !r.counts) ? 1 : 0);
