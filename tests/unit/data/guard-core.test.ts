/**
 * The content script validates the guard's copy of the core (utils/data/guard-copy.ts, written by
 * the background) with a small zod/mini view (utils/data/guard-core.ts) instead of the full schema.
 * These tests keep the two in step: the copy of whatever the full schema accepts passes the view
 * with the same values, and the view's enums are the full schema's.
 */
import { describe, expect, test } from 'vitest';
import v1 from '../../fixtures/data/v1.json';
import v2 from '../../fixtures/data/v2.json';
import v3 from '../../fixtures/data/v3.json';
import v4 from '../../fixtures/data/v4.json';
import { GUARD_FEED_HIDING, GUARD_FEED_REACH, GUARD_FRICTIONS, guardCoreFrom, parseGuardCore } from '../../../utils/data/guard-core';
import { guardCopyOf } from '../../../utils/data/guard-copy';
import { splitDocument } from '../../../utils/data/parts';
import { guardView } from '../helpers/guard-view';
import { migrateToCurrent } from '../../../utils/data/migrations';
import { buildGuardIndex } from '../../../utils/engine/guard-index';
import { CoreSchema, emptyDocument, FeedHidingSchema, FeedReachSchema, FrictionSchema } from '../../../utils/data/schema';

/** The guard's copy of a fixture's core, as one value (`core` with its `streak`). */
function copyOf(raw: unknown) {
  const copy = guardCopyOf(coreOf(raw)) as { core: Record<string, unknown> & { settings: Record<string, unknown> }; streak: unknown };
  return { ...copy.core, streak: copy.streak };
}

function coreOf(raw: unknown) {
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) throw new Error(`fixture does not migrate: ${migrated.problem}`);
  return CoreSchema.parse(migrated.doc);
}

describe('the content script view of the core', () => {
  test.each([
    ['a fresh document', CoreSchema.parse(emptyDocument(new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin'))],
    ['the v1 fixture, migrated', coreOf(v1)],
    ['the v2 fixture, migrated', coreOf(v2)],
    ['the v3 fixture, migrated', coreOf(v3)],
    ['the v4 fixture', coreOf(v4)],
  ])('accepts %s with the values it reads unchanged', (_why, core) => {
    const view = guardView(core);
    expect(view).toBeDefined();
    expect(view?.people).toEqual(
      core.people.map((p) => ({ id: p.id, feedHiding: p.feedHiding, accounts: p.accounts, ...(p.contactNeeded !== undefined && { contactNeeded: p.contactNeeded }) })),
    );
    expect(view?.settings).toEqual({
      friction: core.settings.friction,
      strictPhraseSet: core.settings.strictPhrase !== '',
      paused: core.settings.paused,
      sitesOff: core.settings.sitesOff,
    });
    expect(view?.hardHours).toEqual(core.hardHours.map(({ from, to, days }) => ({ from, to, days })));
    expect(view?.streak.startedAt).toBe(core.streak.startedAt);
    expect(view?.reasons).toEqual(core.reasons);
    expect(view?.plans).toEqual(core.plans);
    expect(view?.friend).toEqual(core.friend);
    expect(view?.customPatterns).toEqual(core.customPatterns.map(({ personId, pattern }) => ({ personId, pattern })));
  });

  test('uses the same friction levels and feed-hiding choices as the full schema', () => {
    expect([...GUARD_FRICTIONS]).toEqual(FrictionSchema.options);
    expect([...GUARD_FEED_HIDING]).toEqual(FeedHidingSchema.options);
    expect([...GUARD_FEED_REACH]).toEqual(FeedReachSchema.options);
  });

  test.each([
    ['absent (their own posts, as before)', undefined],
    ['their own posts', 'own'],
    ['also posts that mention them', 'mentions'],
  ] as const)('reads feed reach %s as stored', (_why, feedReach) => {
    const core = coreOf(v3);
    const settings = feedReach === undefined ? core.settings : { ...core.settings, feedReach };
    expect(CoreSchema.safeParse({ ...core, settings }).success).toBe(true);
    // The guard reads it from the background's copy.
    expect(guardView({ ...core, settings })?.settings.feedReach).toBe(feedReach);
  });

  test.each([
    ['nothing stored yet', undefined],
    ['a newer version', { ...copyOf(v2), version: 5 }],
    ['an empty handle', { ...copyOf(v2), people: [{ id: 'p', feedHiding: 'off', accounts: [{ site: 'x', handle: '' }] }] }],
    ['a feed reach that does not exist', { ...copyOf(v2), settings: { ...copyOf(v2).settings, feedReach: 'everyone' } }],
    ['a friction level that does not exist', { ...copyOf(v2), settings: { ...copyOf(v2).settings, friction: 'none' } }],
    // What storage.local held up to layout 4: the store's own core, with the phrase itself.
    ['the full core, not the copy', { ...coreOf(v2), streak: coreOf(v2).streak }],
  ])('refuses %s', (_why, value) => {
    expect(parseGuardCore(value)).toBeUndefined();
  });
});

describe('site ids in the content script view', () => {
  // The view takes site ids as plain strings (the enum would put every adapter into every site's
  // bundle); the guard reads only its own site's accounts, so another site's id, known or not,
  // guards nothing here.
  test('an account on a site this build does not know guards no one on a known site', () => {
    const core = parseGuardCore({ ...copyOf(v2), people: [{ id: 'p', feedHiding: 'off', accounts: [{ site: 'myspace', handle: 'sam' }] }] });
    expect(core).toBeDefined();
    expect(buildGuardIndex(core!, 'x').active).toBe(false);
  });
});

describe('the guard reads the copy the background writes, not the store\'s parts', () => {
  test.each([
    ['the v3 fixture, migrated', v3],
    ['the v4 fixture', v4],
  ])('%s: the copy as stored (a JSON round trip) gives the same view as the core', (_why, raw) => {
    const migrated = migrateToCurrent(raw);
    if (!migrated.ok) throw new Error('fixture does not migrate');
    const stored = JSON.parse(JSON.stringify(guardCopyOf(CoreSchema.parse(migrated.doc)))) as Record<string, unknown>;
    expect(guardCoreFrom(stored)).toEqual(guardView(migrated.doc));
    // The store's own parts (what storage.local held up to layout 4) are not a copy.
    expect(guardCoreFrom(splitDocument(migrated.doc))).toBeUndefined();
  });

  test('without `core` there is no view, and without `streak` the view is refused', () => {
    const copy = guardCopyOf(CoreSchema.parse(emptyDocument(new Date('2026-11-23T10:00:00Z'), 'UTC')));
    expect(guardCoreFrom(copy)).toBeDefined();
    expect(guardCoreFrom({ streak: copy.streak })).toBeUndefined();
    expect(guardCoreFrom({ core: copy.core })).toBeUndefined();
  });
});
