/**
 * Builds and zips both targets: Chrome MV3 (.output/chrome-mv3 + zip) and Firefox MV3
 * (.output/firefox-mv3 + zips). Uses node_modules/.bin directly: `npx` contacts the registry
 * even for a local bin.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wxt = join(root, 'node_modules', '.bin', 'wxt');

const steps = [
  ['zip'],
  ['zip', '-b', 'firefox', '--mv3'],
];

for (const args of steps) {
  console.log(`> wxt ${args.join(' ')}`);
  const result = spawnSync(wxt, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: wxt ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
