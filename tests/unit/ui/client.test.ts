/**
 * Open pages follow each write's changed parts (utils/ui/client.ts): a change that follows the
 * held revision is applied; anything else (a missed write, a whole new document) asks again.
 */
import { describe, expect, test } from 'vitest';
import { applyStateChanged } from '../../../utils/ui/client';
import { diffParts, splitDocument } from '../../../utils/data/parts';
import { emptyDocument, type StoredDocument } from '../../../utils/data/schema';
import type { StateChanged } from '../../../utils/data/messages';

const doc = emptyDocument(new Date('2026-11-23T10:00:00.000Z'), 'UTC');
const held = { snapshot: { doc, revision: 'r1' }, parts: splitDocument(doc) };
const next: StoredDocument = { ...doc, journal: [{ id: 'j1', at: '2026-11-23T10:05:00.000Z', text: 'Today.' }] };
const change = diffParts(held.parts, next)!;

describe('a page follows what a write changed', () => {
  test('the write after the held one: applied, and the page holds its revision', () => {
    const changed: StateChanged = { type: 'state-changed', revision: 'r2', previous: 'r1', ...change };
    expect(applyStateChanged(held, changed)?.snapshot).toEqual({ doc: next, revision: 'r2' });
  });

  test.each<[string, Partial<StateChanged>]>([
    ['a write was missed', { previous: 'r0' }],
    ['everything was replaced', { whole: true }],
  ])('%s: the page asks for the whole state', (_name, differs) => {
    const changed: StateChanged = { type: 'state-changed', revision: 'r2', previous: 'r1', ...change, ...differs };
    expect(applyStateChanged(held, changed)).toBeUndefined();
  });
});
