/**
 * The whole options page, rendered from plain props and audited with axe-core in happy-dom. Rules
 * that need layout or real colours (contrast, target size) cannot run here; the e2e suite runs
 * axe on the built page in both browsers.
 */
import { beforeEach, expect, test } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyDocument } from '../../../utils/data/schema';
import type { Reply } from '../../../utils/data/messages';
import { OptionsPage } from '../../../components/options/OptionsPage';

beforeEach(() => fakeBrowser.reset());

test('the options page with people, pending changes and a journal has no axe violations', async () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const doc = emptyDocument(now, 'UTC');
  doc.settings.setupDone = true;
  doc.settings.coolDown = '24h';
  doc.people.push({ id: 'p1', label: 'Sam', accounts: [{ site: 'x', handle: 'someone' }], feedHiding: 'collapse', addedAt: now.toISOString() });
  doc.settings.pending.push({ id: 'c1', kind: 'remove-person', personId: 'p1', requestedAt: now.toISOString(), effectiveAt: '2026-11-24T10:00:00Z' });
  doc.reasons.push({ id: 'r1', text: 'I deserve calm mornings.' });
  doc.journal.push({ id: 'j1', at: now.toISOString(), text: 'Wanted to look. Went for a walk instead.' });
  doc.hardDays.push({ id: 'h1', monthDay: '02-14', label: 'A day that used to be ours' });
  doc.customPatterns.push({ id: 'cp1', personId: 'p1', pattern: 'example.social/@someone*' });
  const byHour = Array.from({ length: 24 }, (_, hour) => (hour === 22 ? 3 : hour === 9 ? 1 : 0));

  const root = document.createElement('div');
  document.body.append(root);
  document.documentElement.lang = 'en';
  await act(() => {
    render(
      <OptionsPage
        doc={doc}
        problem="quarantined"
        sites={[{ id: 'x', label: 'X', example: 'https://x.com/someone' }]}
        locale="en-US"
        timeZone="UTC"
        recognizeLink={() => ({ ok: false, reason: 'not-a-link' })}
        normalizeHandle={() => undefined}
        send={async (): Promise<Reply> => ({ ok: true })}
        urges={{ byHour, byWeekday: [1, 0, 0, 0, 0, 2, 1] }}
        privateAllowed={false}
        browserName="firefox"
        siteAccess={{ x: false }}
        onGrantAccess={() => undefined}
        onDownload={() => undefined}
      />,
      root,
    );
  });
  expect(root.querySelectorAll('[data-testid="person-row"]')).toHaveLength(1);
  // Folded parts are drawn when first opened (components/common/Folded.tsx): opened, so axe sees them too.
  await act(() => {
    for (const details of root.querySelectorAll('details')) {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    }
  });
  expect(root.querySelector('[data-testid="quieter-site"]')).not.toBeNull();
  const results = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false }, region: { enabled: false } },
  });
  // The rules that matter most here ran on real nodes (not skipped for want of layout).
  expect(results.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(['label', 'button-name', 'aria-valid-attr-value', 'heading-order']));
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  render(null, root);
  root.remove();
});
