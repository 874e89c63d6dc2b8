import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { QuieterSteps } from '../../../components/options/QuieterSteps';
import { QUIETER_STEPS } from '../../../utils/sites/quieter';
import { SITE_IDS } from '../../../utils/sites/site-ids';

const rows = SITE_IDS.flatMap((site) => QUIETER_STEPS[site].map((step) => [site, step.action, step.notice] as const));

describe('quieter on their side: one data row per site, words in both languages', () => {
  test('every site we guard has at least one step', () => {
    for (const site of SITE_IDS) expect(QUIETER_STEPS[site].length, site).toBeGreaterThan(0);
  });

  test.each(['en', 'es'])('every step and notice has a sentence in %s', async (lang) => {
    const messages = generateChromeMessages(await parseMessagesFile(resolve(process.cwd(), `locales/${lang}.yml`))) as Record<string, unknown>;
    for (const [site, action, notice] of rows) {
      expect(messages[`quieter_${site}_${action}`], `${site}.${action}`).toBeDefined();
      expect(messages[`quieter_notice_${notice}`], notice).toBeDefined();
    }
  });

  test('under a person: one block per site of theirs, each step with what they can notice', () => {
    const root = document.createElement('div');
    act(() =>
      render(
        <QuieterSteps
          person={{ id: 'p', label: '', feedHiding: 'off', addedAt: '2026-11-01T10:00:00.000Z', accounts: [{ site: 'bluesky', handle: 'a.bsky.social' }, { site: 'x', handle: 'a' }, { site: 'x', handle: 'b' }] }}
          siteLabel={(site) => site.toUpperCase()}
        />,
        root,
      ),
    );
    // Folded and not drawn until opened (components/common/Folded.tsx).
    expect(root.querySelectorAll('[data-testid="quieter-site"]')).toHaveLength(0);
    const folded = root.querySelector<HTMLDetailsElement>('[data-testid="quieter"]')!;
    act(() => {
      folded.open = true;
      folded.dispatchEvent(new Event('toggle'));
    });
    expect([...root.querySelectorAll('[data-testid="quieter-site"]')].map((el) => el.getAttribute('data-site'))).toEqual(['bluesky', 'x']);
    const bluesky = root.querySelector('[data-site="bluesky"]')!.textContent ?? '';
    expect(bluesky).toContain('Only you know');
    expect(bluesky).toContain('This is public');
    expect(root.querySelector('[data-site="x"]')!.textContent).toContain('can still read your public posts');
  });
});
