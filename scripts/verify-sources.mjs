/**
 * `npm run verify-sources`: what an addons.mozilla.org reviewer does with our sources zip. Unpacks
 * .output/<name>-<version>-sources.zip into a temporary folder, builds the Firefox MV3 extension
 * there with the build command the README gives, and compares every file with the
 * .output/<name>-<version>-firefox.zip we would upload. Exit 0 only when both hold exactly the same
 * files with the same bytes.
 *
 * Kept fast for CI (about 5 s): instead of `npm ci` the copy links this checkout's node_modules,
 * after checking that the zip's package-lock.json is byte-identical to ours (so `npm ci` would
 * install exactly these packages). `node scripts/verify-sources.mjs --npm-ci` runs a real
 * `npm ci` in the copy instead, as the reviewer would.
 *
 * Run `npm run build` (or `npm run release`) first.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// jszip comes with wxt (it writes the zips with it); reading them with the same library.
const JSZip = createRequire(join(root, 'node_modules', 'wxt', 'package.json'))('jszip');

const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const output = join(root, '.output');
const sourcesZip = join(output, `${name}-${version}-sources.zip`);
const firefoxZip = join(output, `${name}-${version}-firefox.zip`);
const useNpmCi = process.argv.includes('--npm-ci');

function fail(message) {
  console.error(`verify-sources: ${message}`);
  process.exit(1);
}

/** path → sha256 of every file in a zip (folders skipped). */
async function zipDigests(zip) {
  const entries = new Map();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const bytes = await file.async('nodebuffer');
    entries.set(file.name, createHash('sha256').update(bytes).digest('hex'));
  }
  return entries;
}

for (const zip of [sourcesZip, firefoxZip]) if (!existsSync(zip)) fail(`${zip} is missing: run npm run build first`);

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'ncg-sources-'));
try {
  const sources = await JSZip.loadAsync(readFileSync(sourcesZip));
  for (const file of Object.values(sources.files)) {
    const target = join(work, file.name);
    if (file.dir) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await file.async('nodebuffer'));
  }

  if (useNpmCi) {
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, stdio: 'inherit' });
    if (ci.status !== 0) fail('npm ci failed in the unpacked sources');
  } else {
    const ours = readFileSync(join(root, 'package-lock.json'));
    const theirs = readFileSync(join(work, 'package-lock.json'));
    if (!ours.equals(theirs)) fail('the sources zip has another package-lock.json than this checkout: run with --npm-ci');
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    // What `npm ci` would run after installing (package.json postinstall).
    const prepare = spawnSync(join(work, 'node_modules', '.bin', 'wxt'), ['prepare'], { cwd: work, stdio: 'ignore' });
    if (prepare.status !== 0) fail('wxt prepare failed in the unpacked sources');
  }

  // The reviewer's build command (README "Building from the sources zip").
  const build = spawnSync(join(work, 'node_modules', '.bin', 'wxt'), ['zip', '-b', 'firefox', '--mv3'], {
    cwd: work,
    env: { ...process.env, WXT_OUT_DIR: '.output' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (build.status !== 0) fail(`the Firefox build from the sources zip failed:\n${build.stderr}`);

  const rebuilt = await zipDigests(await JSZip.loadAsync(readFileSync(join(work, '.output', `${name}-${version}-firefox.zip`))));
  const shipped = await zipDigests(await JSZip.loadAsync(readFileSync(firefoxZip)));
  const differences = [];
  for (const [path, digest] of shipped) {
    if (!rebuilt.has(path)) differences.push(`missing from the rebuild: ${path}`);
    else if (rebuilt.get(path) !== digest) differences.push(`different bytes: ${path}`);
  }
  for (const path of rebuilt.keys()) if (!shipped.has(path)) differences.push(`only in the rebuild: ${path}`);
  if (differences.length) fail(`the rebuild differs from ${firefoxZip}:\n  ${differences.join('\n  ')}`);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`verify-sources: ok: ${shipped.size} files rebuilt from the sources zip are identical to the Firefox zip (${seconds} s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
