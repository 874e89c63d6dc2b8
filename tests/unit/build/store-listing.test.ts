// @vitest-environment node
/**
 * The store listings stay true to the manifest: every permission and every host the extension
 * asks for has a justification in both languages, and the screenshots they name exist at store
 * size. A new site or permission fails here until its listing lines are written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITE_HOST_PATTERNS } from '../../../utils/sites/site-ids';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const listings = ['en', 'es'].map((lang) => [lang, readFileSync(join(ROOT, 'docs', 'store', `listing.${lang}.md`), 'utf8')] as const);
const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
const permissions = JSON.parse(/permissions: (\[[^\]]*\])/.exec(config)![1]!.replace(/'/g, '"')) as string[];

/** The first cell of each table row (`| \`x\` | … |`). */
const tableKeys = (text: string) => [...text.matchAll(/^\| (?:optional |opcional )?`([^`]+)` \|/gm)].map((m) => m[1]!);

describe.each(listings)('store listing (%s)', (_lang, text) => {
  test('justifies every permission of the manifest, and no other', () => {
    const justified = tableKeys(text).filter((key) => !key.includes('/'));
    expect(justified.sort()).toEqual([...permissions].sort());
  });

  test('justifies every host permission, and the optional one', () => {
    const hosts = tableKeys(text).filter((key) => key.includes('/'));
    expect(hosts.sort()).toEqual([...SITE_HOST_PATTERNS, '*://*/*'].sort());
  });

  test('the short description fits the Chrome Web Store summary (132 characters)', () => {
    const summary = /^> (.*)$/m.exec(text.split(/^## /m).find((part) => /^(Short description|Descripción breve)/.test(part))!)![1]!;
    expect(summary.length).toBeLessThanOrEqual(132);
  });

  test('every screenshot it names exists', () => {
    const named = [...text.matchAll(/`([\w-]+\.png)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThanOrEqual(6);
    for (const file of named) expect(existsSync(join(ROOT, 'docs', 'store', 'screenshots', file)), file).toBe(true);
  });
});
