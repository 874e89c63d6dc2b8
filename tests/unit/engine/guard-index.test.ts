import { describe, expect, test } from 'vitest';
import { buildGuardIndex } from '../../../utils/engine/guard-index';
import { emptyDocument, type FeedHiding } from '../../../utils/data/schema';
import { parseGuardCore } from '../../../utils/data/guard-core';

function indexOf(people: { feedHiding: FeedHiding; accounts: { site: 'x' | 'bluesky'; handle: string; stableId?: string }[] }[]) {
  const doc = emptyDocument(new Date('2026-11-01T10:00:00Z'), 'UTC');
  const core = parseGuardCore({
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
      [{ handle: 'sam', stableId: '123' }, { handle: 'kim' }],
    ],
  ])('%s', (_why, people, expected) => {
    expect(indexOf(people).feedHidingAccounts).toEqual(expected);
  });
});
