/**
 * The journal and the people list are drawn a page at a time (issue 17, item 8: 1,000 entries and
 * 50 people drawn at once took the options page 5 s): everything stays reachable through "show more".
 */
import { describe, expect, test } from 'vitest';
import { renderRoot } from '../helpers/render-root';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { JOURNAL_PAGE, JournalSection } from '../../../components/options/JournalSection';
import { PEOPLE_PAGE, PeopleSection } from '../../../components/options/PeopleSection';
import { emptyDocument, type JournalEntry } from '../../../utils/data/schema';
import { historyFigures, pageView } from '../../../utils/ui/page-view';

const root = renderRoot();

function entries(count: number): JournalEntry[] {
  return Array.from({ length: count }, (_, i) => ({ id: `j${i}`, at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(), text: `Entry ${i}` }));
}

function rows(): string[] {
  return [...root().querySelectorAll('[data-testid="journal-text"]')].map((p) => p.textContent ?? '');
}

describe('the journal, a page at a time', () => {
  test.each([
    [0, 0, false],
    [JOURNAL_PAGE, JOURNAL_PAGE, false],
    [JOURNAL_PAGE + 1, JOURNAL_PAGE, true],
    [1000, JOURNAL_PAGE, true],
  ])('%i entries: %i drawn, more offered: %s', (count, drawn, more) => {
    render(<JournalSection entries={entries(count)} locale="en" timeZone="UTC" send={async () => ({ ok: true })} />, root());
    expect(rows()).toHaveLength(drawn);
    expect(root().querySelector('[data-testid="journal-more"]') !== null).toBe(more);
  });

  test('newest first, and "show older entries" reaches every entry', async () => {
    render(<JournalSection entries={entries(45)} locale="en" timeZone="UTC" send={async () => ({ ok: true })} />, root());
    expect(rows()[0]).toBe('Entry 44');
    while (root().querySelector('[data-testid="journal-more"]')) {
      await act(() => (root().querySelector('[data-testid="journal-more"]') as HTMLButtonElement).click());
    }
    expect(rows()).toEqual(entries(45).map((e) => e.text).reverse());
  });
});

describe('the journal, when the page holds only the newest entries (the background sends a page at a time)', () => {
  test('what it holds is drawn, the rest is counted and asked for on "show older entries"', async () => {
    const all = entries(45);
    const newest = pageView({ doc: { ...emptyDocument(new Date('2026-11-23T10:00:00Z'), 'UTC'), journal: all } }, JOURNAL_PAGE, historyFigures({ recent: [], daily: [] }, new Date(), 'UTC'));
    let asked = 0;
    render(<JournalSection entries={newest.doc.journal} older={{ total: newest.journalCount, onMore: () => asked++ }} locale="en" timeZone="UTC" send={async () => ({ ok: true })} />, root());
    expect(rows()).toEqual(all.slice(-JOURNAL_PAGE).map((e) => e.text).reverse());
    const more = root().querySelector('[data-testid="journal-more"]') as HTMLButtonElement;
    expect(more.textContent).toContain(String(45 - JOURNAL_PAGE));
    await act(() => more.click());
    expect(asked).toBe(1);
  });

  test('every entry held: nothing more is offered', () => {
    render(<JournalSection entries={entries(5)} older={{ total: 5, onMore: () => undefined }} locale="en" timeZone="UTC" send={async () => ({ ok: true })} />, root());
    expect(rows()).toHaveLength(5);
    expect(root().querySelector('[data-testid="journal-more"]')).toBeNull();
  });
});

describe('the people list, a part at a time', () => {
  test('the first people in list order, then the rest on "show more people"', async () => {
    const doc = emptyDocument(new Date('2026-11-23T10:00:00Z'), 'UTC');
    doc.people = Array.from({ length: 25 }, (_, i) => ({ id: `p${i}`, label: `Person ${i}`, accounts: [{ site: 'x' as const, handle: `someone${i}` }], feedHiding: 'off' as const, addedAt: '2026-11-23T10:00:00.000Z' }));
    render(
      <PeopleSection doc={doc} sites={[{ id: 'x', label: 'X', example: 'https://x.com/someone' }]} locale="en" recognizeLink={() => ({ ok: false, reason: 'not-a-link' })} normalizeHandle={() => undefined} send={async () => ({ ok: true })} />,
      root(),
    );
    const people = () => root().querySelectorAll('[data-testid="person-row"]').length;
    expect(people()).toBe(PEOPLE_PAGE);
    while (root().querySelector('[data-testid="people-more"]')) {
      await act(() => (root().querySelector('[data-testid="people-more"]') as HTMLButtonElement).click());
    }
    expect(people()).toBe(25);
  });
});
