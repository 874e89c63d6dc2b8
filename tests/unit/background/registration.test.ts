import { describe, expect, test } from 'vitest';
import {
  allowOnceRule,
  contactRedirectRules,
  contentScriptsFor,
  guardedSites,
  patternRedirectRules,
  spellingRedirectRules,
} from '../../../utils/background/registration';
import { emptyDocument, type Account, type Core } from '../../../utils/data/schema';

const PAUSE = 'chrome-extension://abc/pause.html';
const MEMBER_ID = 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456';

function coreWith(accounts: Account[][], settings: Partial<Core['settings']> = {}): Core {
  const doc = emptyDocument(new Date('2026-11-23T10:00:00Z'), 'Europe/Madrid');
  return {
    ...doc,
    people: accounts.map((list, i) => ({ ...(doc.people[0] ?? {}), id: `p${i}`, label: `Someone ${i}`, accounts: list, feedHiding: 'off', addedAt: '2026-11-01T10:00:00.000Z' })) as Core['people'],
    settings: { ...doc.settings, ...settings },
  };
}

const filters = (core: Core) => contactRedirectRules(core, PAUSE).map((r) => (r.condition as { regexFilter: string }).regexFilter);
const matches = (core: Core, url: string) => filters(core).some((f) => new RegExp(f, 'i').test(url));

const story = 'https://www.instagram.com/stories/sam_rivers/3412345678901234567/';
const profile = 'https://www.linkedin.com/in/sam-rivers/';
const memberProfile = `https://www.linkedin.com/in/${MEMBER_ID}/`;
const both: Account[][] = [
  [
    { site: 'instagram', handle: 'sam_rivers' },
    { site: 'linkedin', handle: 'sam-rivers', stableId: MEMBER_ID },
    { site: 'x', handle: 'samrivers' },
  ],
];

describe('contactRedirectRules follows the guarded accounts', () => {
  test.each([
    ['guarded on both sites', coreWith(both), [story, profile, memberProfile], []],
    ['nobody guarded', coreWith([]), [], [story, profile]],
    ['guard paused', coreWith(both, { paused: true }), [], [story, profile, memberProfile]],
    ['Instagram switched off', coreWith(both, { sitesOff: ['instagram'] }), [profile, memberProfile], [story]],
    ['LinkedIn switched off', coreWith(both, { sitesOff: ['linkedin'] }), [story], [profile, memberProfile]],
    ['no member id known', coreWith([[{ site: 'linkedin', handle: 'sam-rivers' }]]), [profile], [memberProfile, story]],
  ])('%s', (_name, core, redirected, loaded) => {
    for (const url of redirected) expect(matches(core, url), url).toBe(true);
    for (const url of loaded) expect(matches(core, url), url).toBe(false);
  });

  test('X and Bluesky views tell no one: no rules for them', () => {
    const core = coreWith([[{ site: 'x', handle: 'samrivers' }, { site: 'bluesky', handle: 'sam.bsky.social' }]]);
    expect(guardedSites(core)).toEqual(['x', 'bluesky']);
    expect(contactRedirectRules(core, PAUSE)).toEqual([]);
  });

  test('the same account under two people gives one rule; ids are unique and start at 1', () => {
    const core = coreWith([[{ site: 'instagram', handle: 'sam_rivers' }], [{ site: 'instagram', handle: 'sam_rivers' }, { site: 'instagram', handle: 'jo' }]]);
    const rules = contactRedirectRules(core, PAUSE);
    expect(rules.map((r) => r.id)).toEqual(rules.map((_, i) => i + 1));
    expect(new Set(filters(core)).size).toBe(filters(core).length);
    expect(rules.length).toBe(4); // two regexes (story, live) per distinct account
  });

  test('a rule redirects top-level loads only, case-insensitively, to the pause page carrying the original URL', () => {
    const [rule] = contactRedirectRules(coreWith([[{ site: 'linkedin', handle: 'sam-rivers' }]]), PAUSE);
    expect(rule).toMatchObject({
      priority: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: `${PAUSE}?mode=page&site=linkedin#\\0` } },
      condition: { isUrlFilterCaseSensitive: false, resourceTypes: ['main_frame'] },
    });
  });
});

describe('allowOnceRule', () => {
  test('allows exactly that address, in that tab, above the redirect', () => {
    expect(allowOnceRule(100_000, 7, 'https://www.linkedin.com/in/sam-rivers/?trk=x#top')).toEqual({
      id: 100_000,
      priority: 2,
      action: { type: 'allow' },
      condition: { urlFilter: '|https://www.linkedin.com/in/sam-rivers/?trk=x|', tabIds: [7], resourceTypes: ['main_frame'] },
    });
  });

  test.each([
    ['not a URL', 'sam-rivers'],
    ['not http(s)', 'javascript:alert(1)'],
    ['a wildcard would widen the filter', 'https://www.linkedin.com/in/sam*/'],
    ['a separator would widen the filter', 'https://www.linkedin.com/in/sam^/'],
  ])('none for %s', (_why, url) => {
    expect(allowOnceRule(100_000, 7, url)).toBeUndefined();
  });
});

describe('contentScriptsFor: the guard goes only where someone is guarded, with the feed stage only where feeds hide someone', () => {
  const hiding = (core: Core, personIndex: number, feedHiding: 'off' | 'hide' | 'collapse'): Core => ({
    ...core,
    people: core.people.map((p, i) => (i === personIndex ? { ...p, feedHiding } : p)),
  });
  const hostsOf = (matches: readonly string[]) => [...new Set(matches.map((m) => m.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/.*$/, '')))];
  const sitesOf = (core: Core) => Object.fromEntries(contentScriptsFor(core).map((s) => [s.id, hostsOf(s.matches)]));
  const x = [{ site: 'x' as const, handle: 'samrivers' }];
  const bsky = [{ site: 'bluesky' as const, handle: 'sam.bsky.social' }];
  const xSites = ['x.com', 'twitter.com'];

  test.each([
    ['nobody guarded', coreWith([]), {}],
    ['someone on X, feeds untouched', coreWith([x]), { 'guard-x': xSites, 'guard-cover-x': xSites, 'guard-ui': xSites }],
    ['someone on X hidden from feeds', hiding(coreWith([x]), 0, 'hide'), { 'guard-x': xSites, 'guard-cover-x': xSites, 'guard-ui': xSites }],
    [
      'two sites, each its own bundle, one dialog for both',
      hiding(coreWith([x, bsky]), 1, 'collapse'),
      { 'guard-x': xSites, 'guard-cover-x': xSites, 'guard-bluesky': ['bsky.app'], 'guard-cover-bluesky': ['bsky.app'], 'guard-ui': [...xSites, 'bsky.app'] },
    ],
    ['the guard paused', hiding(coreWith([x], { paused: true }), 0, 'hide'), {}],
    ['the site switched off', hiding(coreWith([x], { sitesOff: ['x'] }), 0, 'hide'), {}],
  ])('%s', (_why, core, expected) => {
    expect(sitesOf(core)).toEqual(expected);
  });

  const byId = (core: Core) => Object.fromEntries(contentScriptsFor(core).map((s) => [s.id, s]));

  test.each([
    ['feeds untouched: the site bundle alone', coreWith([x]), ['guard-x.js'], ['content-scripts/cover-flag.js', 'guard-x.js']],
    [
      'feeds hidden: the feed stage first, then the same bundle',
      hiding(coreWith([x]), 0, 'hide'),
      ['guard-feed.js', 'guard-x.js'],
      ['content-scripts/cover-flag.js', 'guard-feed.js', 'guard-x.js'],
    ],
    ['feeds collapsed: the same', hiding(coreWith([x]), 0, 'collapse'), ['guard-feed.js', 'guard-x.js'], ['content-scripts/cover-flag.js', 'guard-feed.js', 'guard-x.js']],
  ])('%s', (_why, core, js, coverJs) => {
    const scripts = byId(core);
    expect(scripts['guard-x']?.js).toEqual(js);
    expect(scripts['guard-cover-x']?.js).toEqual(coverJs);
    expect(scripts['guard-ui']?.js).toEqual(['guard-ui.js']);
  });

  test('the first stage runs at document_start, the dialog at document_idle', () => {
    expect(contentScriptsFor(coreWith([x])).map((s) => [s.id, s.runAt])).toEqual([
      ['guard-x', 'document_start'],
      ['guard-cover-x', 'document_start'],
      ['guard-ui', 'document_idle'],
    ]);
  });

  test('the guarded pages are the cover registration\'s matches and the site registration\'s exclusions: exactly one runs on any page', () => {
    const scripts = byId(coreWith([x]));
    expect(scripts['guard-cover-x']?.matches).toContain('*://*.x.com/samrivers');
    expect(scripts['guard-x']?.excludeMatches).toEqual(scripts['guard-cover-x']?.matches);
  });

  test('each site gets its own bundle and no other site’s; the feed stage only where feeds hide someone', () => {
    const scripts = contentScriptsFor(hiding(coreWith([x, bsky]), 1, 'collapse'));
    expect(scripts.map((s) => s.js.filter((file) => file.startsWith('guard-')))).toEqual([
      ['guard-x.js'],
      ['guard-x.js'],
      ['guard-feed.js', 'guard-bluesky.js'],
      ['guard-feed.js', 'guard-bluesky.js'],
      ['guard-ui.js'],
    ]);
  });
});

describe('spellingRedirectRules: a guarded page spelt in a case no match pattern names never paints', () => {
  /** What declarativeNetRequest does with a top-level load: the allow wins over the redirect at the same priority. */
  const redirected = (core: Core, url: string) => {
    const rules = spellingRedirectRules(core, PAUSE).flat();
    const hits = rules.filter((r) => {
      const c = r.condition as { regexFilter: string; isUrlFilterCaseSensitive: boolean };
      return new RegExp(c.regexFilter, c.isUrlFilterCaseSensitive ? '' : 'i').test(url);
    });
    return hits.some((r) => r.action.type === 'redirect') && !hits.some((r) => r.action.type === 'allow');
  };
  const x = coreWith([[{ site: 'x', handle: 'samrivers' }]]);

  test.each([
    ['a spelling the registration does not name', 'https://x.com/SamRivers', true],
    ['the same, a post of theirs', 'https://twitter.com/SamRivers/status/1', true],
    ['the same, on a subdomain, with a query', 'https://mobile.x.com/sAmRiVeRs?s=20', true],
    ['the stored spelling: guarded in the page', 'https://x.com/samrivers', false],
    ['the capitalised spelling: guarded in the page', 'https://x.com/Samrivers/with_replies', false],
    ['the upper-case spelling: guarded in the page', 'https://x.com/SAMRIVERS', false],
    ['a look-alike', 'https://x.com/SamRivers2', false],
    ['someone else', 'https://x.com/BobRivers', false],
  ])('%s (%s): %s', (_why, url, expected) => {
    expect(redirected(x, url)).toBe(expected);
  });

  test.each([
    ['a site whose views tell them already redirects every spelling itself', coreWith([[{ site: 'linkedin', handle: 'sam-rivers' }]])],
    ['the guard paused', coreWith([[{ site: 'x', handle: 'samrivers' }]], { paused: true })],
    ['nobody guarded', coreWith([])],
  ])('none where %s', (_why, core) => {
    expect(spellingRedirectRules(core, PAUSE)).toEqual([]);
  });

  test('one group per account, a redirect and then an allow rule per covered spelling, ids running on', () => {
    const groups = spellingRedirectRules(coreWith([[{ site: 'x', handle: 'samrivers' }, { site: 'bluesky', handle: 'sam.bsky.social' }]]), PAUSE, 5);
    expect(groups.map((g) => g.map((r) => [r.id, r.action.type]))).toEqual([
      [[5, 'redirect'], [6, 'allow'], [7, 'allow'], [8, 'allow']],
      [[9, 'redirect'], [10, 'allow'], [11, 'allow'], [12, 'allow']],
    ]);
  });
});

describe('patternRedirectRules: the person\'s own link patterns pause full loads too', () => {
  const withPatterns = (patterns: [personId: string, pattern: string][], settings: Partial<Core['settings']> = {}) => ({
    ...coreWith([[{ site: 'x', handle: 'samrivers' }], []], settings),
    customPatterns: patterns.map(([personId, pattern], i) => ({ id: `c${i}`, personId, pattern })),
  });
  const redirected = (core: Core, url: string) =>
    patternRedirectRules(core, PAUSE).some((r) => new RegExp((r.condition as { regexFilter: string }).regexFilter, 'i').test(url));

  test.each([
    ['a pattern of a guarded person', withPatterns([['p0', 'example.social/@someone*']]), 'https://example.social/@someone/posts', true],
    ['someone else on that site', withPatterns([['p0', 'example.social/@someone*']]), 'https://example.social/@other', false],
    ['a person with patterns only', withPatterns([['p1', '*.theirblog.example']]), 'https://www.theirblog.example/2026/', true],
    ['the guard paused', withPatterns([['p0', 'example.social/@someone*']], { paused: true }), 'https://example.social/@someone', false],
    ['site switches do not apply to patterns', withPatterns([['p0', 'example.social/@someone*']], { sitesOff: ['x'] }), 'https://example.social/@someone', true],
    ['a pattern left by a removed person', withPatterns([['gone', 'example.social/@someone*']]), 'https://example.social/@someone', false],
  ])('%s', (_name, core, url, expected) => {
    expect(redirected(core, url)).toBe(expected);
  });

  test('ids follow on from the contact rules; the same pattern twice gives one rule; the original URL rides along', () => {
    const core = withPatterns([['p0', 'example.social/@someone*'], ['p1', 'example.social/@someone*'], ['p1', 'theirblog.example']]);
    const rules = patternRedirectRules(core, PAUSE, 7);
    expect(rules.map((r) => r.id)).toEqual([7, 8]);
    expect(rules[0]).toMatchObject({
      priority: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: `${PAUSE}?mode=page&source=pattern#\\0` } },
      condition: { isUrlFilterCaseSensitive: false, resourceTypes: ['main_frame'] },
    });
  });
});

describe('syncRedirectRules: a rule the browser refuses costs no other rule', () => {
  /** A stand-in for the browser's rule store: refuses any update holding a rule whose filter names `refused`. */
  function fakeRules(refused: string, supportsCheck: boolean) {
    let rules: { id: number; condition: { regexFilter?: string } }[] = [{ id: 99, condition: { regexFilter: 'stale' } }];
    const names = (r: { condition: { regexFilter?: string } }) => (r.condition.regexFilter ?? '').includes(refused);
    const dnr = {
      getDynamicRules: async () => rules,
      updateDynamicRules: async ({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: typeof rules }) => {
        if (addRules.some(names)) throw new Error('Rule with id 1 specifies a regex which is too large');
        rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      },
      ...(supportsCheck ? { isRegexSupported: async ({ regex }: { regex: string }) => ({ isSupported: !regex.includes(refused) }) } : {}),
    };
    return { dnr, rules: () => rules };
  }

  test.each([
    ['the browser says so up front (isRegexSupported)', true],
    ['only the update fails', false],
  ])('%s: every other rule is in force and nothing stale is left', async (_how, supportsCheck) => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { syncRedirectRules } = await import('../../../utils/background/registration');
    const fake = fakeRules('sam_rivers', supportsCheck);
    Object.assign(fakeBrowser, { declarativeNetRequest: fake.dnr });
    const core = coreWith([[{ site: 'instagram', handle: 'sam_rivers' }, { site: 'linkedin', handle: 'alex-other' }, { site: 'instagram', handle: 'kim_other' }]]);
    await syncRedirectRules(core);
    const filtersNow = fake.rules().map((r) => r.condition.regexFilter ?? '');
    expect(filtersNow.some((f) => f.includes('sam_rivers'))).toBe(false);
    expect(filtersNow.some((f) => f.includes('alex-other'))).toBe(true);
    expect(filtersNow.some((f) => f.includes('kim_other'))).toBe(true);
    expect(filtersNow).not.toContain('stale');
  });

  test('a spelling group goes in whole or not at all, each rule checked as it is compiled', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { syncRedirectRules } = await import('../../../utils/background/registration');
    const checked: boolean[] = [];
    const fake = fakeRules('never-refused', false);
    Object.assign(fakeBrowser, {
      declarativeNetRequest: {
        ...fake.dnr,
        // Refuses one case-sensitive allow rule of one account only; records how each was checked.
        isRegexSupported: async ({ regex, isCaseSensitive }: { regex: string; isCaseSensitive: boolean }) => {
          checked.push(isCaseSensitive);
          return { isSupported: !(isCaseSensitive && regex.includes('SAMRIVERS')) };
        },
      },
    });
    await syncRedirectRules(coreWith([[{ site: 'x', handle: 'samrivers' }, { site: 'x', handle: 'kimother' }]]));
    const filtersNow = fake.rules().map((r) => r.condition.regexFilter ?? '');
    expect(filtersNow.filter((f) => f.toLowerCase().includes('samrivers'))).toEqual([]);
    expect(filtersNow.filter((f) => f.toLowerCase().includes('kimother'))).toHaveLength(4);
    expect(new Set(checked)).toEqual(new Set([true, false]));
  });
});
