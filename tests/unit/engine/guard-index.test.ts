import { describe, expect, test } from 'vitest';
import { buildGuardIndex, collapsedOnly } from '../../../utils/engine/guard-index';
import { CoreSchema, emptyDocument, type FeedHiding } from '../../../utils/data/schema';
import { guardView } from '../helpers/guard-view';
import { guardCoreFrom } from '../../../utils/data/guard-core';
import { guardCopyOf } from '../../../utils/data/guard-copy';

function indexOf(people: { feedHiding: FeedHiding; accounts: { site: 'x' | 'bluesky'; handle: string; stableId?: string }[] }[]) {
  const doc = emptyDocument(new Date('2026-11-01T10:00:00Z'), 'UTC');
  const core = guardView({
    ...doc,
    people: people.map((p, i) => ({ id: `p${i}`, label: `Someone ${i}`, addedAt: '2026-11-01T10:00:00.000Z', ...p })),
  });
  if (!core) throw new Error('test core did not parse');
  return buildGuardIndex(core, 'x');
}

describe('buildGuardIndex: feedHidingAccounts', () => {
  test.each([
    ['nobody guarded', [], []],
    ['feed hiding off', [{ feedHiding: 'off' as const, accounts: [{ site: 'x' as const, handle: 'sam' }] }], []],
    [
      'hide and collapse, this site only, with stable ids',
      [
        { feedHiding: 'hide' as const, accounts: [{ site: 'x' as const, handle: 'sam', stableId: '123' }, { site: 'bluesky' as const, handle: 'sam.bsky.social' }] },
        { feedHiding: 'collapse' as const, accounts: [{ site: 'x' as const, handle: 'kim' }] },
        { feedHiding: 'off' as const, accounts: [{ site: 'x' as const, handle: 'lee' }] },
      ],
      [{ handle: 'sam', stableId: '123', feedHiding: 'hide' }, { handle: 'kim', feedHiding: 'collapse' }],
    ],
  ])('%s', (_why, people, expected) => {
    expect(indexOf(people).feedHidingAccounts).toEqual(expected);
  });
});

describe('buildGuardIndex: pauses the person chooses', () => {
  const withChoices = (choosablePauses: Record<string, boolean> | undefined) => {
    const doc = emptyDocument(new Date('2026-11-01T10:00:00Z'), 'UTC');
    const core = guardView({
      ...doc,
      settings: { ...doc.settings, ...(choosablePauses && { choosablePauses }) },
      people: [{ id: 'p1', label: '', addedAt: '2026-11-01T10:00:00.000Z', feedHiding: 'off', accounts: [{ site: 'x', handle: 'sam' }] }],
    });
    if (!core) throw new Error('test core did not parse');
    return buildGuardIndex(core, 'x');
  };
  test.each([
    ['absent: the site’s default, off', undefined, false, false],
    ['absent: the site’s default, on', undefined, true, true],
    ['chosen on, default off', { vote: true }, false, true],
    ['chosen off, default on', { vote: false }, true, false],
    ['another action chosen: the default', { reply: false }, false, false],
  ])('%s', (_why, choices, byDefault, expected) => {
    expect(withChoices(choices).pauses('vote', byDefault)).toBe(expected);
  });
  test('an unknown action in the stored choices is refused by the guard’s schema', () => {
    const copy = guardCopyOf(CoreSchema.parse(emptyDocument(new Date('2026-11-01T10:00:00Z'), 'UTC'))) as { core: { settings: Record<string, unknown> } };
    expect(guardCoreFrom(copy)).toBeDefined();
    copy.core.settings.choosablePauses = { wave: true };
    expect(guardCoreFrom(copy)).toBeUndefined();
  });
});

describe('collapsedOnly', () => {
  test('leaves feed hiding only the people whose posts fold behind a placeholder', () => {
    const index = indexOf([
      { feedHiding: 'hide', accounts: [{ site: 'x', handle: 'sam' }] },
      { feedHiding: 'collapse', accounts: [{ site: 'x', handle: 'kim' }] },
    ]);
    const folded = collapsedOnly(index);
    expect(folded.feedHidingAccounts).toEqual([{ handle: 'kim', feedHiding: 'collapse' }]);
    expect(folded.match({ handle: 'sam' as never })).toBeUndefined();
    expect(folded.match({ handle: 'kim' as never })?.feedHiding).toBe('collapse');
    expect(folded.hidesFeed).toBe(true);
    expect(collapsedOnly(indexOf([{ feedHiding: 'hide', accounts: [{ site: 'x', handle: 'sam' }] }])).hidesFeed).toBe(false);
  });
});
