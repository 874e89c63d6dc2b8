import type { SiteScenario } from '../../fixtures/sites/scenario-types';
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportDocument, parseImport } from '../../../utils/data/transfer';
import { DocumentSchema, emptyDocument } from '../../../utils/data/schema';
import { describePath, ordinal } from '../../../utils/copy/data-errors';
import { SITE_IDS } from '../../../utils/sites/registry';

function read(name: string): string {
  return readFileSync(resolve(process.cwd(), 'tests/fixtures/data', name), 'utf8');
}

const v4 = DocumentSchema.parse(JSON.parse(read('v4.json')));
const NOW = new Date('2026-11-23T10:30:00.000Z');

describe('export', () => {
  test('writes the documented envelope around the whole document', () => {
    const file = JSON.parse(exportDocument(v4, NOW));
    expect(file).toEqual({ format: 'no-contact-guard', version: 4, exportedAt: '2026-11-23T10:30:00.000Z', data: v4 });
  });

  test.each([
    ['the v4 fixture', v4],
    ['an empty document', emptyDocument(NOW, 'Pacific/Auckland')],
  ])('%s survives export then import unchanged', (_name, doc) => {
    expect(parseImport(exportDocument(doc, NOW))).toEqual({ ok: true, doc });
  });
});

describe('import', () => {
  test('an exported v1 document is migrated', () => {
    const file = JSON.stringify({ format: 'no-contact-guard', version: 1, exportedAt: NOW.toISOString(), data: JSON.parse(read('v1.json')) });
    const result = parseImport(file);
    expect(result.ok).toBe(true);
    expect(result.ok && result.doc.journal).toHaveLength(2);
  });

  test.each([
    ['imports/truncated.json', /incomplete or damaged/, undefined],
    ['imports/not-ours.json', /does not look like a No-Contact Guard export/, undefined],
    ['imports/wrong-version.json', /version 0, which No-Contact Guard does not know/, undefined],
    ['imports/newer-version.json', /newer version of No-Contact Guard.*update the extension/, undefined],
    ['imports/unknown-site.json', /a site this version of No-Contact Guard does not know yet \(mastodon\)/, undefined],
    [
      'imports/wrong-types.json',
      /could not read part of this file, so nothing was changed/,
      // A version 2 file is read by version 2's own schema, with the sites version 2 knew.
      'people → 2nd person → accounts → 1st account → site: expected one of x, bluesky, instagram, linkedin',
    ],
  ])('%s is refused kindly', (name, error, where) => {
    const result = parseImport(read(name));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(error);
    expect(result.where).toBe(where);
  });

  const envelope = (data: unknown, version: unknown = 4) =>
    JSON.stringify({ format: 'no-contact-guard', version, exportedAt: NOW.toISOString(), data });
  const withChange = (change: (doc: Record<string, any>) => void) => {
    const doc = structuredClone(v4) as Record<string, any>;
    change(doc);
    return envelope(doc);
  };

  test.each([
    ['an empty file', '', /file is empty/, undefined],
    ['only spaces', '  \n', /file is empty/, undefined],
    ['a JSON list', '[1, 2]', /does not look like/, undefined],
    ['no data', JSON.stringify({ format: 'no-contact-guard', version: 3 }), /does not look like/, undefined],
    ['envelope and data disagree', envelope({ ...v4, version: 1 }), /changed by hand or mixed with another one/, undefined],
    ['data newer than the envelope says', envelope({ ...v4, version: 5 }), /newer version/, undefined],
    ['version as text', envelope(v4, '3'), /version "3", which/, undefined],
    ['a missing label', withChange((d) => delete d.people[0].label), /could not read part of this file/, 'people → 1st person → label: this is missing'],
    ['goal as text', withChange((d) => (d.streak.goalDays = '30')), /could not read part of this file/, 'streak → goalDays: expected a number'],
    ['a bad date', withChange((d) => (d.journal[0].at = 'yesterday')), /could not read part of this file/, 'journal → 1st journal entry → at: expected a date and time like 2026-02-14T09:30:00Z'],
    ['a bad daily date', withChange((d) => (d.events.daily[0].date = '2.10.2026')), /could not read part of this file/, 'events → daily → 1st day → date: expected a date like 2026-02-14'],
    ['an empty reason', withChange((d) => (d.reasons[0].text = '  ')), /could not read part of this file/, 'reasons → 1st reason → text: this is empty'],
    ['an unknown pending kind', withChange((d) => (d.settings.pending[1].kind = 'delete-all')), /could not read part of this file/, 'settings → pending → 2nd pending change → kind: not a kind we know'],
    ['too few urge hours', withChange((d) => (d.events.daily[0].urgeHours = [1])), /could not read part of this file/, 'events → daily → 1st day → urgeHours: fewer than 24 items'],
  ])('%s', (_name, json, error, where) => {
    const result = parseImport(json);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(result.ok === false && result.where).toBe(where ?? undefined);
  });
});

describe('plain words for a path', () => {
  test.each([
    [1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [13, '13th'], [21, '21st'], [102, '102nd'], [111, '111th'],
  ])('ordinal(%i) is %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });

  test.each([
    [['people', 1, 'accounts', 0, 'site'], 'people → 2nd person → accounts → 1st account → site'],
    [['streak', 'history', 2, 'days'], 'streak → history → 3rd past streak → days'],
    [['mystery', 0], 'mystery → 1st item'],
    [[], ''],
  ])('%j', (path, expected) => {
    expect(describePath(path)).toBe(expected);
  });
});

describe('an export from a build with more sites', () => {
  // A newer build guards a site this one does not have yet: its export names that site's id.
  const fromBiggerBuild = (change: (doc: Record<string, any>) => void) => {
    const doc = structuredClone(v4) as Record<string, any>;
    change(doc);
    return JSON.stringify({ format: 'no-contact-guard', version: 4, exportedAt: NOW.toISOString(), data: doc });
  };
  const addAccount = (site: string) => (doc: Record<string, any>) => doc.people[0].accounts.push({ site, handle: 'someone' });

  test.each([
    ['an account on it', fromBiggerBuild(addAccount('mastodon')), 'mastodon'],
    ['it switched off', fromBiggerBuild((doc) => doc.settings.sitesOff.push('mastodon')), 'mastodon'],
    ['an event on it', fromBiggerBuild((doc) => doc.events.recent.push({ type: 'urge-resisted', at: NOW.toISOString(), site: 'mastodon', what: 'profile' })), 'mastodon'],
    ['two of them, each named once', fromBiggerBuild((doc) => { addAccount('mastodon')(doc); addAccount('tumblr')(doc); addAccount('tumblr')(doc); }), 'mastodon, tumblr'],
  ])('with %s: refused kindly, naming the site, changing nothing', (_why, file, named) => {
    const result = parseImport(file);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`(${named})`) });
    expect(!result.ok && result.error).toMatch(/does not know yet .* so nothing was changed\. Please update the extension/);
  });

  test('a site id that is not plain text is not repeated back', () => {
    const result = parseImport(fromBiggerBuild(addAccount('<img src=x>')));
    expect(!result.ok && result.error).toContain('(?)');
  });

  test('every site this build knows imports as before', () => {
    // Each with a handle that site really uses (its scenario's "other" account): Bluesky's need a domain.
    const scenarios = import.meta.glob<{ scenario: SiteScenario }>('../../fixtures/sites/*/scenario.ts', { eager: true });
    const handleOn = (site: string) => Object.values(scenarios).find((m) => m.scenario.site === site)!.scenario.other;
    const file = fromBiggerBuild((doc) => {
      for (const site of SITE_IDS) doc.people[0].accounts.push({ site, handle: handleOn(site) });
    });
    expect(parseImport(file).ok).toBe(true);
  });
});
