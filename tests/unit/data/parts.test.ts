/**
 * The version 4 layout (utils/data/parts.ts): a document split into parts and joined again is the
 * same document, in the same order; a change names only the parts whose content it changed.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffParts, joinChange, joinParts, splitDocument, withChange } from '../../../utils/data/parts';
import { DocumentSchema, emptyDocument, type LogEvent, type StoredDocument } from '../../../utils/data/schema';
import { LIMITS } from '../../../utils/data/limits';

const v4 = DocumentSchema.parse(JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/data/v4.json'), 'utf8')));
const NOW = new Date('2026-11-23T10:00:00.000Z');

function event(at: string): LogEvent {
  return { type: 'urge-resisted', at, site: 'x', what: 'profile' };
}

describe('split and join', () => {
  test.each<[string, StoredDocument]>([
    ['the v4 fixture', v4],
    ['an empty document', emptyDocument(NOW, 'UTC')],
  ])('%s comes back the same', (_name, doc) => {
    expect(DocumentSchema.parse(joinParts(structuredClone(splitDocument(doc))))).toEqual(doc);
  });

  test('a clock moved backwards: events keep the order they arrived in', () => {
    const recent = [event('2026-11-30T10:00:00.000Z'), event('2026-10-02T10:00:00.000Z'), event('2026-12-01T10:00:00.000Z')];
    const doc = { ...emptyDocument(NOW, 'UTC'), events: { recent, daily: [] } };
    const parts = splitDocument(doc);
    expect(Object.keys(parts).filter((k) => k.startsWith('log:'))).toEqual(['log:recent:2026-11', 'log:recent:2026-12']);
    expect((joinParts(parts) as StoredDocument).events.recent).toEqual(recent);
  });

  test('a part from another version makes the whole not one document', () => {
    const parts = structuredClone(splitDocument(v4)) as Record<string, Record<string, unknown>>;
    parts['journal:2026-11']!.version = 3;
    expect(DocumentSchema.safeParse(joinParts(parts)).success).toBe(false);
  });
});

describe('what a change writes', () => {
  const parts = splitDocument(v4);
  test.each<[string, (doc: StoredDocument) => StoredDocument, string[], string[]]>([
    ['an urge this month', (d) => ({ ...d, events: { ...d.events, recent: [...d.events.recent, event('2026-11-23T10:00:00.000Z')] } }), ['log:recent:2026-11'], []],
    ['an urge in a new month', (d) => ({ ...d, events: { ...d.events, recent: [...d.events.recent, event('2026-12-01T10:00:00.000Z')] } }), ['log:recent:2026-12'], []],
    ['a journal entry', (d) => ({ ...d, journal: [...d.journal, { id: 'j-new', at: NOW.toISOString(), text: 'Today.' }] }), ['journal:2026-11'], []],
    ['the only entry of a month deleted', (d) => ({ ...d, journal: d.journal.filter((e) => e.id !== 'j-0') }), [], ['journal:2026-10']],
    ['the friend removed (an optional field)', (d) => ({ ...d, friend: undefined }), ['core'], []],
    ['a reason', (d) => ({ ...d, reasons: [...d.reasons, { id: 'r-new', text: 'Calm mornings.' }] }), ['core'], []],
    ['a milestone seen', (d) => ({ ...d, streak: { ...d.streak, celebrated: [...d.streak.celebrated, 7] } }), ['streak'], []],
    ['nothing', (d) => ({ ...d }), [], []],
  ])('%s', (_name, change, set, remove) => {
    const next = change(v4);
    const diff = diffParts(parts, next);
    expect(Object.keys(diff?.set ?? {})).toEqual(set);
    expect(diff?.remove).toEqual(remove);
    // Knowing the document before, only the touched categories are looked at: the same answer.
    expect(diffParts(parts, next, v4)).toEqual(diff);
    // Joining only what changed gives the same document as joining every part.
    const after = withChange(parts, diff!);
    expect(joinChange(v4, after, diff!)).toEqual(joinParts(after));
    expect(DocumentSchema.parse(joinParts(after))).toEqual(next);
  });

  test.each<[string, (doc: StoredDocument) => StoredDocument]>([
    ['an empty reason', (d) => ({ ...d, reasons: [...d.reasons, { id: 'r', text: '' }] })],
    ['a pending change with a bad date', (d) => ({ ...d, settings: { ...d.settings, pending: [...d.settings.pending, { ...d.settings.pending[0]!, effectiveAt: '10000-01-01T00:00:00Z' }] } })],
    ['an event with a bad date', (d) => ({ ...d, events: { ...d.events, recent: [...d.events.recent, event('yesterday')] } })],
    ['more journal entries than the limit, over many months', (d) => ({ ...d, journal: Array.from({ length: LIMITS.journal + 1 }, (_, i) => ({ id: `j${i}`, at: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString(), text: 'x' })) })],
  ])('%s is refused', (_name, change) => {
    expect(diffParts(parts, change(v4))).toBeUndefined();
  });

  test('the parts after a change join into the changed document', () => {
    const next = { ...v4, journal: [...v4.journal, { id: 'j-new', at: NOW.toISOString(), text: 'Today.' }] };
    const diff = diffParts(parts, next);
    expect(DocumentSchema.parse(joinParts(withChange(parts, diff!)))).toEqual(next);
  });
});
