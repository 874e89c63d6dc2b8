/**
 * The extension's icons, rasterised from the SVG sources in assets/icon/ (never hand-exported):
 *   assets/icon/icon-small.svg → public/icon/16.png, 32.png   (toolbar: full bleed, no circle)
 *   assets/icon/icon.svg       → public/icon/48.png, 96.png, 128.png
 *
 *   node scripts/icons.mjs           writes the PNGs
 *   node scripts/icons.mjs --check   exits 1 when a committed PNG differs from a fresh render
 *
 * @resvg/resvg-js (pinned) ships its native binary as an npm optional dependency, so it needs no
 * download outside the registry, and the same version renders the same bytes: the unit test
 * tests/unit/build/icons.test.ts regenerates every size and compares.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Size in pixels → SVG source (relative to the repo root). */
export const ICON_SOURCES = {
  16: 'assets/icon/icon-small.svg',
  32: 'assets/icon/icon-small.svg',
  48: 'assets/icon/icon.svg',
  96: 'assets/icon/icon.svg',
  128: 'assets/icon/icon.svg',
};

/** Where the PNG of `size` lives (relative to the repo root); WXT copies public/ into each build. */
export const iconPath = (size) => `public/icon/${size}.png`;

/** Renders one size. No fonts are loaded: the icons have no text, and system fonts differ per machine. */
export function renderIcon(size) {
  const svg = readFileSync(join(ROOT, ICON_SOURCES[size]), 'utf8');
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

/** Every size → fresh PNG bytes. */
export function renderIcons() {
  return Object.fromEntries(Object.keys(ICON_SOURCES).map((size) => [Number(size), renderIcon(Number(size))]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [size, png] of Object.entries(renderIcons())) {
    const path = join(ROOT, iconPath(size));
    if (check) {
      let same = false;
      try {
        same = readFileSync(path).equals(png);
      } catch {
        same = false;
      }
      if (!same) {
        console.error(`icons: ${iconPath(size)} is not what ${ICON_SOURCES[size]} renders: run node scripts/icons.mjs`);
        stale++;
      }
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, png);
      console.log(`icons: ${iconPath(size)} (${size}×${size}, ${png.length} bytes)`);
    }
  }
  process.exit(stale ? 1 : 0);
}
