/**
 * `npm run release -- <patch|minor|major|x.y.z>` (or `-- --no-bump` to package the current version):
 *
 *   1. bumps the version in package.json, the one place it lives (WXT writes it into both
 *      manifests; the copy in package-lock.json is derived and rewritten to match), and turns the
 *      CHANGELOG's "Unreleased" section into that version with today's date;
 *   2. builds both stores' zips and the sources zip (scripts/build.mjs);
 *   3. writes their SHA-256 sums to .output/<name>-<version>.sha256 (`sha256sum -c` format);
 *   4. checks that the sources zip rebuilds to identical files (scripts/verify-sources.mjs).
 *
 * It commits and tags nothing: review the diff, then commit "Release x.y.z" and tag vx.y.z.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgPath = join(root, 'package.json');
const lockPath = join(root, 'package-lock.json');
const changelogPath = join(root, 'CHANGELOG.md');

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

/** The next version for `bump` ('patch' | 'minor' | 'major' | an explicit x.y.z). Exported for tests. */
export function nextVersion(current, bump) {
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!parts) throw new Error(`package.json version "${current}" is not x.y.z`);
  const [major, minor, patch] = parts.slice(1).map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  if (/^\d+\.\d+\.\d+$/.test(bump)) return bump;
  throw new Error(`unknown bump "${bump}": patch, minor, major or x.y.z`);
}

/** CHANGELOG.md with "## [Unreleased]" released as `version` on `date` and a new empty Unreleased. */
export function releaseChangelog(text, version, date) {
  if (!text.includes('## [Unreleased]')) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (text.includes(`## [${version}]`)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  return text.replace('## [Unreleased]', `## [Unreleased]\n\n## [${version}] - ${date}`);
}

function run(script, args = []) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${script} failed`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bump = process.argv[2];
  if (!bump) fail('say how to bump: npm run release -- patch|minor|major|x.y.z (or --no-bump)');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  let version = pkg.version;

  if (bump !== '--no-bump') {
    try {
      version = nextVersion(pkg.version, bump);
      const today = new Date().toISOString().slice(0, 10);
      writeFileSync(changelogPath, releaseChangelog(readFileSync(changelogPath, 'utf8'), version, today));
    } catch (error) {
      fail(error.message);
    }
    pkg.version = version;
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
    lock.version = version;
    if (lock.packages?.['']) lock.packages[''].version = version;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`release: version ${version} (package.json; package-lock.json and CHANGELOG.md follow)`);
  }

  run('build.mjs');

  const zips = ['chrome', 'firefox', 'sources'].map((kind) => `${pkg.name}-${version}-${kind}.zip`);
  const sums = zips
    .map((zip) => `${createHash('sha256').update(readFileSync(join(root, '.output', zip))).digest('hex')}  ${zip}`)
    .join('\n');
  const sumsFile = `${pkg.name}-${version}.sha256`;
  writeFileSync(join(root, '.output', sumsFile), `${sums}\n`);
  console.log(`\nrelease: SHA-256 (.output/${sumsFile}):\n${sums}\n`);

  run('verify-sources.mjs');
  console.log(`release: ${version} is ready in .output/ (upload the chrome zip to the Chrome Web Store; the firefox and sources zips to AMO)`);
}
