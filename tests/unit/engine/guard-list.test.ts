/**
 * The first stage checks the part of the core it decides from by hand (utils/engine/guard-list.ts)
 * instead of with zod, to stay within its size budget. These tests keep it in step with the zod
 * view the UI stage uses (utils/data/guard-core.ts): it accepts what the view accepts, and
 * refuses every core the view refuses for a field the first stage reads.
 */
import { describe, expect, test } from 'vitest';
import v1 from '../../fixtures/data/v1.json';
import v2 from '../../fixtures/data/v2.json';
import v3 from '../../fixtures/data/v3.json';
import { GUARD_FEED_HIDING, parseGuardCore } from '../../../utils/data/guard-core';
import { migrateToCurrent } from '../../../utils/data/migrations';
import { CoreSchema, emptyDocument } from '../../../utils/data/schema';
import { FEED_HIDING_VALUES, readGuardList } from '../../../utils/engine/guard-list';

function coreOf(raw: unknown) {
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) throw new Error(`fixture does not migrate: ${migrated.problem}`);
  return CoreSchema.parse(migrated.doc);
}

const base = () => ({
  ...CoreSchema.parse(emptyDocument(new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin')),
  people: [{ id: 'p1', label: '', feedHiding: 'off', addedAt: '2026-11-23T10:00:00Z', accounts: [{ site: 'x', handle: 'samrivers', stableId: '42' }] }],
});

describe('the first stage reads the guard list', () => {
  test.each([
    ['a fresh document', CoreSchema.parse(emptyDocument(new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin'))],
    ['someone guarded', base()],
    ['the v1 fixture, migrated', coreOf(v1)],
    ['the v2 fixture, migrated', coreOf(v2)],
    ['the v3 fixture', coreOf(v3)],
  ])('accepts %s, as the zod view does, with the same people', (_why, core) => {
    expect(parseGuardCore(core)).toBeDefined();
    expect(readGuardList(core)?.people).toEqual(core.people);
  });

  const broken: [string, (core: ReturnType<typeof base>) => unknown][] = [
    ['not an object', () => 'core'],
    ['another version', (c) => ({ ...c, version: 2 })],
    ['no settings', ({ settings: _s, ...c }) => c],
    ['paused not a boolean', (c) => ({ ...c, settings: { ...c.settings, paused: 'no' } })],
    ['a site switched off that is not a string', (c) => ({ ...c, settings: { ...c.settings, sitesOff: [1] } })],
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

  test('knows the same feed-hiding values as the stored schema', () => {
    expect([...FEED_HIDING_VALUES]).toEqual([...GUARD_FEED_HIDING]);
  });
});
