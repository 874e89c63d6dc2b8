import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrateToCurrent } from '../../../utils/data/migrations';
import { V1_STRICT_PHRASE } from '../../../utils/data/migrations/002-journal-out-of-log';
import { DocumentSchema, SCHEMA_VERSION, type StoredDocument } from '../../../utils/data/schema';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/data', name), 'utf8'));
}

function migrated(name: string): StoredDocument {
  const result = migrateToCurrent(fixture(name));
  if (!result.ok) throw new Error(`${name} did not migrate: ${result.problem} ${result.where ?? ''} ${result.detail ?? ''}`);
  return result.doc;
}

describe('every stored version migrates to the current schema', () => {
  const versions = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1);
  test.each(versions)('v%i.json', (version) => {
    const doc = migrated(`v${version}.json`);
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.version).toBe(SCHEMA_VERSION);
  });
});

describe('002: journal out of the log (v1 → v2)', () => {
  const doc = migrated('v1.json');

  test('journal-entry texts move into the journal, oldest first, with stable ids', () => {
    expect(doc.journal).toEqual([
      { id: 'v1-journal-3', at: '2026-04-21T22:12:00.000Z', text: 'I wanted to see their stories. I wrote this instead.' },
      { id: 'v1-journal-7', at: '2026-05-01T19:00:00.000Z', text: 'A better day.' },
    ]);
  });

  test('the events stay in the log, without any text', () => {
    expect(doc.events.recent).toHaveLength(8);
    expect(doc.events.recent.filter((e) => e.type === 'journal-entry')).toHaveLength(2);
    expect(doc.events.recent.some((e) => 'text' in e)).toBe(false);
    expect(doc.events.daily).toEqual([]);
  });

  test('each person gets the old global feed hiding', () => {
    expect(doc.people.map((p) => [p.id, p.feedHiding])).toEqual([
      ['person-a', 'collapse'],
      ['person-b', 'collapse'],
    ]);
    expect(doc.people[0]?.accounts).toEqual([
      { site: 'instagram', handle: 'sam.example' },
      { site: 'x', handle: 'samexample' },
    ]);
  });

  test.each([
    ['friction', 'strict'],
    ['strictPhrase', V1_STRICT_PHRASE],
    ['coolDown', '24h'],
    ['paused', false],
    ['sitesOff', []],
    ['setupDone', true],
  ] as const)('settings.%s is %j', (key, value) => {
    expect(doc.settings[key]).toEqual(value);
  });

  test('pending changes carry over unchanged', () => {
    expect(doc.settings.pending).toEqual([
      { id: 'pending-1', kind: 'friction', friction: 'firm', requestedAt: '2026-05-10T20:15:00.000Z', effectiveAt: '2026-05-11T20:15:00.000Z' },
    ]);
  });

  test('milestones shown since the current start count as celebrated; older ones do not', () => {
    expect(doc.streak.celebrated).toEqual([1, 7]);
    expect(doc.streak.startedAt).toBe('2026-04-20T08:00:00.000Z');
    expect(doc.streak.history).toHaveLength(1);
    expect(doc.streak.history[0]?.note).toBe('We met by chance.');
  });

  test('new lists start empty', () => {
    expect(doc.hardDays).toEqual([]);
    expect(doc.customPatterns).toEqual([]);
  });

  test('a v1 document without strict friction gets no phrase', () => {
    const raw = fixture('v1.json') as { settings: Record<string, unknown> };
    raw.settings.friction = 'firm';
    const result = migrateToCurrent(raw);
    expect(result.ok && result.doc.settings.strictPhrase).toBe('');
  });

  test('migrating is pure: the same input gives the same document', () => {
    expect(migrated('v1.json')).toEqual(doc);
  });
});

describe('v2 fixture keeps its fields', () => {
  const doc = migrated('v2.json');
  test('fields only version 2 has survive a parse', () => {
    expect(doc.people[0]?.accounts[1]?.stableId).toBe('did:plc:abc123example');
    expect(doc.settings.pending.map((p) => p.kind)).toEqual(['remove-person', 'feed-hiding']);
    expect(doc.events.daily[0]?.urgeHours).toHaveLength(24);
    expect(doc.hardDays[0]?.monthDay).toBe('02-14');
  });
});

describe('003: the tools for the moment of an urge (v2 → v3)', () => {
  const v2 = fixture('v2.json') as StoredDocument;
  const doc = migrated('v2.json');

  test('everything version 2 had stays as it was', () => {
    const { version: _v3, plans: _plans, hardHours: _hardHours, ...rest } = doc;
    const { version: _v2, ...before } = v2;
    expect(rest).toEqual(DocumentSchema.omit({ version: true, plans: true, hardHours: true }).parse(before));
  });

  test('plans start empty; no friend is saved yet', () => {
    expect(doc.plans).toEqual([]);
    expect(doc.friend).toBeUndefined();
    expect(doc.hardHours).toEqual([]);
  });

  test('a damaged v2 document says where, in plain words', () => {
    const raw = structuredClone(v2) as unknown as { reasons: { text: string }[] };
    raw.reasons[0]!.text = '';
    expect(migrateToCurrent(raw)).toMatchObject({ ok: false, problem: 'invalid', where: 'reasons → 1st reason → text' });
  });
});

describe('v3 fixture keeps its fields', () => {
  const doc = migrated('v3.json');
  test('plans and the way an urge passed survive a parse', () => {
    expect(doc.plans.map((plan) => plan.id)).toEqual(['plan-1', 'plan-2']);
    expect(doc.events.recent.at(-1)?.way).toBe('plan');
    expect(doc.friend?.link).toBe('https://wa.me/15551234567');
    expect(doc.people.map((p) => p.contactNeeded)).toEqual([undefined, true]);
    expect(doc.hardHours.map((w) => [w.from, w.to])).toEqual([[22, 6], [0, 0]]);
  });
});

describe('004: stored in parts (v3 → v4)', () => {
  test('nothing in the document changes but its version', () => {
    const v3 = fixture('v3.json') as StoredDocument;
    const { version: _v4, ...doc } = migrated('v3.json');
    const { version: _v3, ...before } = v3;
    expect(doc).toEqual(DocumentSchema.omit({ version: true }).parse(before));
  });

  test('a damaged v3 document says where, in plain words', () => {
    const raw = fixture('v3.json') as { plans: { then: string }[] };
    raw.plans[0]!.then = '';
    expect(migrateToCurrent(raw)).toMatchObject({ ok: false, problem: 'invalid', where: expect.stringContaining('plans') });
  });
});

describe('what cannot be migrated', () => {
  const v2 = fixture('v2.json') as Record<string, unknown>;
  test.each([
    ['a newer version', { ...v2, version: 5 }, { ok: false, problem: 'newer-version' }],
    ['a much newer version with another shape', { version: 9, anything: true }, { ok: false, problem: 'newer-version' }],
    ['no version', { ...v2, version: undefined }, { ok: false, problem: 'invalid', where: 'version' }],
    ['version 0', { ...v2, version: 0 }, { ok: false, problem: 'invalid', where: 'version' }],
    ['version as text', { ...v2, version: '2' }, { ok: false, problem: 'invalid', where: 'version' }],
    ['not an object', 'hello', { ok: false, problem: 'invalid' }],
    ['null', null, { ok: false, problem: 'invalid' }],
  ])('%s', (_name, raw, expected) => {
    expect(migrateToCurrent(raw)).toMatchObject(expected);
  });

  test('a broken v1 document says where, in plain words', () => {
    const raw = fixture('v1.json') as { people: { accounts: { site: string }[] }[] };
    raw.people[1]!.accounts[0]!.site = 'myspace';
    expect(migrateToCurrent(raw)).toEqual({
      ok: false,
      problem: 'invalid',
      where: 'people → 2nd person → accounts → 1st account → site',
      detail: 'expected one of x, bluesky, instagram, linkedin',
    });
  });
});
