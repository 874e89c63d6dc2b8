/**
 * The first stage checks the part of the core it decides from by hand (utils/engine/guard-list.ts)
 * instead of with zod, to stay within its size budget. These tests keep it in step with the zod
 * view the UI stage uses (utils/data/guard-core.ts): it accepts what the view accepts, and
 * refuses every value the view refuses for a field the first stage reads. Both read the guard's
 * copy the background writes to storage.local (utils/data/guard-copy.ts), joined as the first
 * stage joins it; the store's own core (with the strict phrase itself) is refused by both.
 */
import { describe, expect, test } from 'vitest';
import v1 from '../../fixtures/data/v1.json';
import v2 from '../../fixtures/data/v2.json';
import v3 from '../../fixtures/data/v3.json';
import v4 from '../../fixtures/data/v4.json';
import { GUARD_FEED_HIDING, GUARD_FEED_REACH, parseGuardCore } from '../../../utils/data/guard-core';
import { guardCopyOf } from '../../../utils/data/guard-copy';
import { joinGuardKeys } from '../../../utils/data/guard-keys';
import { splitDocument } from '../../../utils/data/parts';
import { migrateToCurrent } from '../../../utils/data/migrations';
import { CoreSchema, emptyDocument, type Core } from '../../../utils/data/schema';
import { FEED_HIDING_VALUES, FEED_REACH_VALUES, readGuardList } from '../../../utils/engine/guard-list';

function coreOf(raw: unknown): Core {
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) throw new Error(`fixture does not migrate: ${migrated.problem}`);
  return CoreSchema.parse(migrated.doc);
}

/** What the first stage reads: the guard's copy, as stored (a JSON round trip), joined. */
const copyOf = (core: Core) => joinGuardKeys(JSON.parse(JSON.stringify(guardCopyOf(core))) as Record<string, unknown>) as CopyValue;
type CopyValue = { settings: Record<string, unknown>; people: Record<string, unknown>[] } & Record<string, unknown>;

const fresh = () => CoreSchema.parse(emptyDocument(new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin'));
const someone = (): Core => ({
  ...fresh(),
  people: [{ id: 'p1', label: 'Sam', feedHiding: 'off', addedAt: '2026-11-23T10:00:00Z', accounts: [{ site: 'x', handle: 'samrivers', stableId: '42' }] }],
});
const base = () => copyOf(someone());

describe('the first stage reads the guard list from the guard’s copy', () => {
  test.each([
    ['a fresh document', fresh()],
    ['someone guarded', someone()],
    ['a strict phrase set', { ...someone(), settings: { ...someone().settings, friction: 'strict', strictPhrase: 'I choose me' } } as Core],
    ['feed reach: mentions', { ...someone(), settings: { ...someone().settings, feedReach: 'mentions' } } as Core],
    ['the v1 fixture, migrated', coreOf(v1)],
    ['the v2 fixture, migrated', coreOf(v2)],
    ['the v3 fixture, migrated', coreOf(v3)],
    ['the v4 fixture', coreOf(v4)],
  ])('accepts the copy of %s, as the zod view does, with the same people', (_why, core) => {
    const copy = copyOf(core);
    expect(parseGuardCore(copy)).toBeDefined();
    const list = readGuardList(copy);
    expect(list?.people).toEqual(parseGuardCore(copy)?.people);
    expect(list?.people.map((p) => p.accounts)).toEqual(core.people.map((p) => p.accounts));
    expect(list?.settings.feedReach).toBe(core.settings.feedReach);
  });

  const broken: [string, (copy: CopyValue) => unknown][] = [
    ['not an object', () => 'core'],
    ['another version', (c) => ({ ...c, version: 2 })],
    ['a newer version', (c) => ({ ...c, version: 5 })],
    ['no settings', ({ settings: _s, ...c }) => c],
    ['no yes/no for the strict phrase', (c) => ({ ...c, settings: { ...c.settings, strictPhraseSet: undefined } })],
    ['the strict phrase yes/no not a boolean', (c) => ({ ...c, settings: { ...c.settings, strictPhraseSet: 'yes' } })],
    ['paused not a boolean', (c) => ({ ...c, settings: { ...c.settings, paused: 'no' } })],
    ['a site switched off that is not a string', (c) => ({ ...c, settings: { ...c.settings, sitesOff: [1] } })],
    ['an unknown pause choice', (c) => ({ ...c, settings: { ...c.settings, choosablePauses: { wave: true } } })],
    ['an unknown feed reach', (c) => ({ ...c, settings: { ...c.settings, feedReach: 'everyone' } })],
    ['people not a list', (c) => ({ ...c, people: {} })],
    ['a person without an id', (c) => ({ ...c, people: [{ ...c.people[0], id: 1 }] })],
    ['an unknown feed hiding', (c) => ({ ...c, people: [{ ...c.people[0], feedHiding: 'blur' }] })],
    ['contact needed not a boolean', (c) => ({ ...c, people: [{ ...c.people[0], contactNeeded: 'yes' }] })],
    ['accounts not a list', (c) => ({ ...c, people: [{ ...c.people[0], accounts: 'x' }] })],
    ['an empty handle', (c) => ({ ...c, people: [{ ...c.people[0], accounts: [{ site: 'x', handle: '' }] }] })],
    ['a stable id that is not a string', (c) => ({ ...c, people: [{ ...c.people[0], accounts: [{ site: 'x', handle: 'a', stableId: 42 }] }] })],
    ['an account without a site', (c) => ({ ...c, people: [{ ...c.people[0], accounts: [{ handle: 'a' }] }] })],
  ];
  test.each(broken)('refuses %s, as the zod view does', (_why, breakIt) => {
    const value = breakIt(base());
    expect(parseGuardCore(value)).toBeUndefined();
    expect(readGuardList(value)).toBeUndefined();
  });

  // What storage.local held up to layout 4 (or what someone else wrote there): the store's own
  // core, with the phrase itself and the names given to people. Neither stage decides from it.
  test.each([
    ['the full core', { ...someone(), settings: { ...someone().settings, strictPhrase: 'I choose me' } }],
    ['the store’s own parts, joined', joinGuardKeys(splitDocument({ ...emptyDocument(new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin'), people: someone().people }) as Record<string, unknown>)],
    ['a fixture’s full core', coreOf(v4)],
  ])('refuses %s, as the zod view does', (_why, value) => {
    expect(parseGuardCore(value)).toBeUndefined();
    expect(readGuardList(value)).toBeUndefined();
  });

  test('knows the same feed-hiding and feed-reach values as the guard view', () => {
    expect([...FEED_HIDING_VALUES]).toEqual([...GUARD_FEED_HIDING]);
    expect([...FEED_REACH_VALUES]).toEqual([...GUARD_FEED_REACH]);
  });
});
