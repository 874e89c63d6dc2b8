/**
 * Open pages follow each write's changed parts (utils/ui/client.ts): a change to the settings or
 * the day count that follows the held revision is applied; anything else (a missed write, a whole
 * new document, the log or the journal, which the page holds only as figures and a first page)
 * asks for the view again.
 */
import { describe, expect, test } from 'vitest';
import { applyViewChange } from '../../../utils/ui/client';
import { diffParts, splitDocument } from '../../../utils/data/parts';
import { emptyDocument, type StoredDocument } from '../../../utils/data/schema';
import type { StateChanged } from '../../../utils/data/messages';
import { historyFigures, pageView } from '../../../utils/ui/page-view';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const doc = emptyDocument(NOW, 'UTC');
const parts = splitDocument(doc);
const held = pageView({ doc, revision: 'r1' }, 20, historyFigures(doc.events, NOW, 'UTC'));

function changedTo(next: StoredDocument, differs: Partial<StateChanged> = {}): StateChanged {
  return { type: 'state-changed', revision: 'r2', previous: 'r1', ...diffParts(parts, next, doc)!, ...differs };
}

describe('a page follows what a write changed', () => {
  test.each<[string, StoredDocument]>([
    ['a reason added (the core)', { ...doc, reasons: [{ id: 'r', text: 'I deserve calm.' }] }],
    ['a new goal (the streak)', { ...doc, streak: { ...doc.streak, goalDays: 90 } }],
  ])('%s: applied, and the page holds its revision', (_name, next) => {
    const applied = applyViewChange(held, changedTo(next));
    expect(applied?.doc).toEqual({ ...next, events: held.doc.events, journal: held.doc.journal });
    expect(applied?.revision).toBe('r2');
    expect(applied?.figures).toBe(held.figures);
  });

  test.each<[string, StateChanged]>([
    ['a write was missed', changedTo({ ...doc, reasons: [{ id: 'r', text: 'I deserve calm.' }] }, { previous: 'r0' })],
    ['everything was replaced', changedTo(doc, { whole: true })],
    ['a journal entry written', changedTo({ ...doc, journal: [{ id: 'j1', at: '2026-11-23T10:05:00.000Z', text: 'Today.' }] })],
    ['an urge logged', changedTo({ ...doc, events: { recent: [{ type: 'urge-resisted', at: '2026-11-23T10:05:00.000Z' }], daily: [] } })],
  ])('%s: the page asks for the view again', (_name, changed) => {
    expect(applyViewChange(held, changed)).toBeUndefined();
  });
});
