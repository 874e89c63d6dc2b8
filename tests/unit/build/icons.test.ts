// @vitest-environment node
/**
 * The committed icons are what the SVG sources render (scripts/icons.mjs), at the sizes the
 * manifest names: a changed SVG without regenerated PNGs, or a hand-edited PNG, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ICON_SOURCES, ROOT, iconPath, renderIcon } from '../../../scripts/icons.mjs';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, after the signature and chunk header). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const sizes = Object.keys(ICON_SOURCES).map(Number);

describe('icons', () => {
  test('the sizes both stores ask for (16, 32, 48, 96 for AMO, 128)', () => {
    expect(sizes).toEqual([16, 32, 48, 96, 128]);
  });

  test.each(sizes)('%i px: the committed PNG is that size and is exactly what its SVG renders', (size) => {
    const committed = readFileSync(join(ROOT, iconPath(size)));
    expect(pngSize(committed)).toEqual({ width: size, height: size });
    expect(committed.equals(renderIcon(size)), `${iconPath(size)}: run node scripts/icons.mjs`).toBe(true);
  });
});
