// @vitest-environment node
/**
 * The privacy policy inside the extension is the policy in the repository: each packaged page is
 * exactly what scripts/privacy-page.mjs renders from its Markdown, and the options page links to
 * the one in its language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PRIVACY_PAGES, renderPrivacyPage } from '../../../scripts/privacy-page.mjs';
import { privacyPage } from '../../../components/options/OptionsPage';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('packaged privacy policy', () => {
  test.each(PRIVACY_PAGES.map((entry) => [entry.page, entry] as const))('%s is up to date with its Markdown', (_page, entry) => {
    const html = readFileSync(join(ROOT, entry.page), 'utf8');
    expect(html, 'run node scripts/privacy-page.mjs').toBe(renderPrivacyPage(readFileSync(join(ROOT, entry.source), 'utf8'), entry.lang));
    expect(html).toContain(`<html lang="${entry.lang}">`);
    expect(html).not.toMatch(/<script/i);
  });

  test('renders the subset the policy uses and escapes everything else', () => {
    const html = renderPrivacyPage('# Title\n\nA **b** `c` <i>\n\n- one\n  more\n- two\n', 'en');
    expect(html).toContain('<title>Title</title>');
    expect(html).toContain('<p>A <strong>b</strong> <code>c</code> &lt;i&gt;</p>');
    expect(html).toContain('<ul>\n  <li>one more</li>\n  <li>two</li>\n</ul>');
  });

  test.each([
    ['en', 'privacy.html'],
    ['en-GB', 'privacy.html'],
    ['es', 'privacy.es.html'],
    ['es-419', 'privacy.es.html'],
    ['de', 'privacy.html'],
  ])('the options page in %s links to %s', (locale, page) => {
    expect(privacyPage(locale)).toBe(page);
  });

  test('both policies say nothing is collected, as the Firefox manifest declares', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toContain("data_collection_permissions: { required: ['none'] }");
    for (const { source } of PRIVACY_PAGES) expect(readFileSync(join(ROOT, source), 'utf8')).toContain('data_collection_permissions');
  });
});
