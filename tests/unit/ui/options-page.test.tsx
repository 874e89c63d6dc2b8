import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Message, Reply } from '../../../utils/data/messages';
import { emptyDocument, type StoredDocument } from '../../../utils/data/schema';
import type { SiteId } from '../../../utils/sites/site-ids';
import type { RecognizedLink, SiteChoice } from '../../../utils/ui/options-model';
import { PeopleSection } from '../../../components/options/PeopleSection';
import { PendingList } from '../../../components/options/PendingList';
import { DataSection } from '../../../components/options/DataSection';
import { FrictionSection } from '../../../components/options/FrictionSection';
import { LinkPatterns } from '../../../components/options/LinkPatterns';
import { useSavedValue } from '../../../components/options/StatusLine';
import { PlansSection } from '../../../components/options/PlansSection';
import { ContactNeededToggle } from '../../../components/options/ContactNeededToggle';
import { HardHoursSection } from '../../../components/options/HardHoursSection';
import { FriendSection } from '../../../components/options/FriendSection';
import { SitesSection } from '../../../components/options/SitesSection';

const SITES: SiteChoice[] = [
  { id: 'x', label: 'X', example: 'https://x.com/someone' },
  { id: 'instagram', label: 'Instagram', example: 'https://www.instagram.com/someone/' },
];

/** A stand-in for utils/sites/recognize.ts: these tests are about the page, not the parsers. */
function recognizeLink(input: string): RecognizedLink {
  const text = input.trim();
  if (!/^https?:\/\//.test(text)) return { ok: false, reason: 'not-a-link' };
  const url = new URL(text);
  if (url.hostname !== 'x.com') return { ok: false, reason: 'unsupported-site' };
  const handle = url.pathname.split('/')[1];
  return handle ? { ok: true, site: 'x', handle: handle.toLowerCase(), profileUrl: `https://x.com/${handle}` } : { ok: false, reason: 'no-person' };
}
const normalizeHandle = (_site: SiteId, raw: string) => (/^@?\w+$/.test(raw.trim()) ? raw.trim().replace(/^@/, '').toLowerCase() : undefined);

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function $(testId: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no element with data-testid="${testId}"`);
  return element;
}

async function type(testId: string, value: string) {
  const input = $(testId) as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(testId: string) {
  await act(async () => {
    $(testId).click();
  });
}

async function mount(tree: ComponentChild) {
  await act(() => {
    render(tree, root);
  });
}

function people(doc: StoredDocument, send: (message: Message) => Promise<Reply>) {
  return mount(<PeopleSection doc={doc} sites={SITES} locale="en" recognizeLink={recognizeLink} normalizeHandle={normalizeHandle} send={send} />);
}

const now = new Date('2026-11-23T10:00:00Z');

describe('adding someone', () => {
  test.each([
    ['https://example.social/@someone', 'unsupported-site', 'We cannot guard links from this site yet'],
    ['https://x.com/', 'no-person', 'This link does not seem to name one person'],
    ['someone', 'not-a-link', 'That does not look like a link yet'],
  ])('%s (%s) gets a message naming the supported sites, and nothing is sent', async (link, _reason, start) => {
    const send = vi.fn(async (): Promise<Reply> => ({ ok: true }));
    await people(emptyDocument(now, 'UTC'), send);
    await type('add-link-input', link);
    await click('add-submit');
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(start);
    expect(alert?.textContent).toContain('X and Instagram');
    expect($('add-link-input').getAttribute('aria-invalid')).toBe('true');
    expect(send).not.toHaveBeenCalled();
  });

  test('a site that also knows accounts by a number says so, with its example; the others do not', async () => {
    const sites: SiteChoice[] = [...SITES, { id: 'facebook', label: 'Facebook', example: 'https://www.facebook.com/someone', numberExample: 'https://www.facebook.com/profile.php?id=100000000000000' }];
    await mount(<PeopleSection doc={emptyDocument(now, 'UTC')} sites={sites} locale="en" recognizeLink={recognizeLink} normalizeHandle={normalizeHandle} send={vi.fn()} />);
    const hint = $('add-number-hint-facebook').textContent ?? '';
    expect(hint).toContain('On Facebook, someone may also be known by a number');
    expect(hint).toContain('https://www.facebook.com/profile.php?id=100000000000000');
    expect(root.querySelector('[data-testid="add-number-hint-x"]')).toBeNull();
  });

  test('a recognised link sends person-added with the optional name, then clears the form', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await people(emptyDocument(now, 'UTC'), send);
    await type('add-link-input', 'https://x.com/SomeOne/status/123');
    expect($('add-recognised').textContent).toBe('Recognised: someone on X');
    await type('add-name-input', '  Sam ');
    await click('add-submit');
    expect(send).toHaveBeenCalledWith({ type: 'person-added', label: 'Sam', accounts: [{ site: 'x', handle: 'someone' }] });
    expect(($('add-link-input') as HTMLInputElement).value).toBe('');
    expect($('add-outcome').textContent).toContain('Added');
  });

  test('choosing a site and typing the handle sends person-added', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await people(emptyDocument(now, 'UTC'), send);
    const select = $('add-site-select') as HTMLSelectElement;
    await act(() => {
      select.value = 'instagram';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await type('add-handle-input', '@Someone');
    await click('add-submit');
    expect(send).toHaveBeenCalledWith({ type: 'person-added', label: '', accounts: [{ site: 'instagram', handle: 'someone' }] });
  });

  test("the background's refusal is shown and the form keeps what was typed", async () => {
    const send = vi.fn(async (): Promise<Reply> => ({ ok: false, error: 'That account is already on your list.' }));
    await people(emptyDocument(now, 'UTC'), send);
    await type('add-link-input', 'https://x.com/someone');
    await click('add-submit');
    expect($('add-outcome').textContent).toContain('already on your list');
    expect(($('add-link-input') as HTMLInputElement).value).toBe('https://x.com/someone');
  });

  test('each person is a row with their accounts; removing an account sends account-removed', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    const doc = emptyDocument(now, 'UTC');
    doc.people.push({ id: 'p1', label: 'Sam', accounts: [{ site: 'x', handle: 'someone' }], feedHiding: 'off', addedAt: now.toISOString() });
    await people(doc, send);
    expect(root.querySelectorAll('[data-testid="person-row"]')).toHaveLength(1);
    expect($('account-remove').getAttribute('aria-label')).toBe('Remove someone on X');
    await click('account-remove');
    expect(send).toHaveBeenCalledWith({ type: 'account-removed', personId: 'p1', account: { site: 'x', handle: 'someone' } });
  });
});

describe('the same handle on a site that shares handles', () => {
  // A site list where X accounts share Instagram's names, as Threads does (utils/sites/threads.ts).
  const sharing: SiteChoice[] = [SITES[0]!, SITES[1]!].map((site) => (site.id === 'x' ? { ...site, sameHandleAs: 'instagram' } : site));
  const withAccounts = (accounts: { site: SiteId; handle: string }[]) => {
    const doc = emptyDocument(now, 'UTC');
    doc.people.push({ id: 'p1', label: 'Sam', accounts, feedHiding: 'off', addedAt: now.toISOString() });
    return doc;
  };
  const mountWith = (doc: StoredDocument, send: (message: Message) => Promise<Reply>) =>
    mount(<PeopleSection doc={doc} sites={sharing} locale="en" recognizeLink={recognizeLink} normalizeHandle={normalizeHandle} send={send} />);

  test('is offered with one click, and only the click adds it', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mountWith(withAccounts([{ site: 'instagram', handle: 'sam_rivers' }]), send);
    expect($('same-handle-offers').textContent).toContain('X accounts use the same names as Instagram accounts');
    expect($('same-handle-add-x').textContent).toBe('Also guard sam_rivers on X');
    expect(send).not.toHaveBeenCalled();
    await click('same-handle-add-x');
    expect(send).toHaveBeenCalledWith({ type: 'account-added', personId: 'p1', account: { site: 'x', handle: 'sam_rivers' } });
  });

  test('is not offered once that account is on their list', async () => {
    await mountWith(withAccounts([{ site: 'instagram', handle: 'sam_rivers' }, { site: 'x', handle: 'sam_rivers' }]), vi.fn());
    expect(root.querySelector('[data-testid="same-handle-offers"]')).toBeNull();
  });
});

describe('waiting changes', () => {
  test('show what changes and when, in local time, and can be cancelled', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(
      <PendingList
        pending={[{ id: 'c1', kind: 'friction', friction: 'gentle', requestedAt: '2026-11-23T14:00:00Z', effectiveAt: '2026-11-24T14:00:00Z' }]}
        people={[]}
        sites={SITES}
        locale="en-US"
        timeZone="Europe/Berlin"
        send={send}
      />,
    );
    expect($('pending-row').textContent).toContain('Gentle');
    expect($('pending-at').textContent?.replace(/[\u202f\u00a0]/g, ' ')).toBe('Takes effect on Nov 24, 2026, 3:00 PM');
    await click('pending-cancel');
    expect(send).toHaveBeenCalledWith({ type: 'pending-change-cancelled', changeId: 'c1' });
  });
});

describe('your data', () => {
  test('erase asks twice before erase-requested', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<DataSection send={send} onDownload={() => undefined} locale="en" />);
    await click('erase-button');
    expect(send).not.toHaveBeenCalled();
    await click('erase-continue');
    expect(send).not.toHaveBeenCalled();
    await click('erase-confirm');
    expect(send).toHaveBeenCalledWith({ type: 'erase-requested', confirm: 'erase everything' });
  });

  test.each([
    ['room to spare', { usage: 2_100_000, quota: 10_000_000_000 }, false],
    ['nearly full', { usage: 9_500_000, quota: 10_000_000 }, true],
  ])('says how much of the browser\'s space is used (%s), and near the quota what happens', async (_why, space, near) => {
    const send = vi.fn(async (): Promise<Reply> => ({ ok: true }));
    await mount(<DataSection send={send} onDownload={() => undefined} locale="en" space={space} />);
    const line = $('storage-space')?.textContent ?? '';
    expect(line).toMatch(/^Your notes and history use \d+(\.\d)? MB of the space this browser gives the extension \(about \d+ (GB|MB) in all\)\./);
    expect(line).toContain(space.usage === 2_100_000 ? '2.1 MB' : '9.5 MB');
    expect(root.querySelector('[data-testid="storage-space-near"]') !== null).toBe(near);
  });

  test('without an estimate from the browser, no figure is shown', async () => {
    await mount(<DataSection send={vi.fn(async (): Promise<Reply> => ({ ok: true }))} onDownload={() => undefined} locale="en" />);
    expect(root.querySelector('[data-testid="storage-space"]')).toBeNull();
  });

  test('export hands the file from the reply to onDownload', async () => {
    const send = vi.fn(async (): Promise<Reply> => ({ ok: true, data: { json: '{"version":2}', fileName: 'no-contact-guard-2026-11-23.json' } }));
    const onDownload = vi.fn();
    await mount(<DataSection send={send} onDownload={onDownload} locale="en" />);
    await click('export-button');
    expect(send).toHaveBeenCalledWith({ type: 'export-requested' });
    expect(onDownload).toHaveBeenCalledWith('{"version":2}', 'no-contact-guard-2026-11-23.json');
  });

  test('a refused import shows what is wrong and where', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: false, error: 'Part of this file is not valid.', where: 'the 2nd person, label' }));
    await mount(<DataSection send={send} onDownload={() => undefined} locale="en" />);
    const input = $('import-input') as HTMLInputElement;
    const file = new File(['{"version":2}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(send).toHaveBeenCalledWith({ type: 'import-requested', json: '{"version":2}' });
    expect($('import-error').getAttribute('role')).toBe('alert');
    expect($('import-error').textContent).toContain('Part of this file is not valid.');
    expect($('import-error-where').textContent).toBe('Where: the 2nd person, label');
  });
});

describe('friction', () => {
  const settingsWith = (friction: 'gentle' | 'firm' | 'strict', coolDown: '24h' | 'none') => ({
    ...emptyDocument(now, 'UTC').settings,
    friction,
    coolDown,
    strictPhrase: friction === 'strict' ? 'I choose calm' : '',
  });

  test.each([
    ['strict', '24h', 'gentle', 'It will take effect after your cool-down', 'strict'],
    ['gentle', '24h', 'firm', 'It applies from now', 'firm'],
    ['strict', 'none', 'firm', 'It applies from now', 'firm'],
  ] as const)('%s, cool-down %s, → %s: says when it applies', async (from, coolDown, to, said, checkedAfter) => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<FrictionSection settings={settingsWith(from, coolDown)} send={send} />);
    await click(`friction-${to}`);
    await click('friction-save');
    expect(send).toHaveBeenCalledWith({ type: 'friction-changed', friction: to });
    expect($('friction-outcome').textContent).toContain(said);
    expect(($(`friction-${checkedAfter}`) as HTMLInputElement).checked).toBe(true);
  });

  test('strict needs a phrase before anything is sent', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<FrictionSection settings={settingsWith('gentle', 'none')} send={send} />);
    await click('friction-strict');
    await click('friction-save');
    expect(send).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Please write a phrase');
    await type('strict-phrase-input', ' I choose calm ');
    await click('friction-save');
    expect(send).toHaveBeenCalledWith({ type: 'friction-changed', friction: 'strict', strictPhrase: 'I choose calm' });
  });
});

describe('pauses the person chooses (votes)', () => {
  const sites: SiteChoice[] = [...SITES, { id: 'reddit', label: 'Reddit', example: 'https://www.reddit.com/user/someone/', choosablePauses: { vote: false } }];
  const settings = (extra: Partial<StoredDocument['settings']> = {}) => ({ ...emptyDocument(now, 'UTC').settings, ...extra });

  test.each([
    ['not chosen yet: the site’s default (off)', {}, false],
    ['chosen on', { choosablePauses: { vote: true } }, true],
    ['chosen off', { choosablePauses: { vote: false } }, false],
  ] as const)('%s', async (_why, extra, checked) => {
    await mount(<SitesSection sites={sites} settings={settings(extra)} send={async () => ({ ok: true })} />);
    const toggle = $('choosable-pause-vote') as HTMLInputElement;
    expect(toggle.checked).toBe(checked);
    expect(toggle.closest('label')!.textContent).toContain('Reddit');
    // The reason is given, kindly, and tied to the switch for screen readers.
    const why = root.querySelector(`#${toggle.getAttribute('aria-describedby')}`)!;
    expect(why.textContent).toContain('anonymous');
  });

  test('switching it sends the choice', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<SitesSection sites={sites} settings={settings()} send={send} />);
    await click('choosable-pause-vote');
    expect(send).toHaveBeenCalledWith({ type: 'choosable-pause-set', action: 'vote', paused: true });
  });

  test('not offered when no site has it, or the site is switched off', async () => {
    await mount(<SitesSection sites={SITES} settings={settings()} send={async () => ({ ok: true })} />);
    expect(root.querySelector('[data-testid="choosable-pauses"]')).toBeNull();
    await mount(<SitesSection sites={sites} settings={settings({ sitesOff: ['reddit'] })} send={async () => ({ ok: true })} />);
    expect(root.querySelector('[data-testid="choosable-pauses"]')).toBeNull();
  });
});

describe('link patterns', () => {
  test('the preview says which example links the pattern pauses before, and adding sends custom-pattern-added', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<LinkPatterns personId="p1" idPrefix="p" patterns={[]} send={send} />);
    await type('pattern-input', 'example.social/@someone*');
    await type('pattern-examples', 'https://example.social/@someone/posts/1\nhttps://example.social/@someone-else');
    const rows = [...root.querySelectorAll('[data-testid="pattern-preview"] li')].map((row) => row.getAttribute('data-matches'));
    expect(rows).toEqual(['true', 'true']);
    await type('pattern-examples', 'https://example.social/@other');
    expect(root.querySelector('[data-testid="pattern-preview"] li')?.getAttribute('data-matches')).toBe('false');
    await click('pattern-add');
    expect(send).toHaveBeenCalledWith({ type: 'custom-pattern-added', personId: 'p1', pattern: 'example.social/@someone*' });
  });

  test('an invalid pattern is explained and not sent', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<LinkPatterns personId="p1" idPrefix="p" patterns={[]} send={send} />);
    await type('pattern-input', '*/@someone');
    await click('pattern-add');
    expect(send).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('*.example.social');
  });

  test('adding asks for the site\'s access first (inside the click); a refusal keeps the pattern and says why it waits', async () => {
    const order: string[] = [];
    const send = vi.fn(async (message: Message): Promise<Reply> => {
      order.push(message.type);
      return { ok: true };
    });
    const access = {
      granted: () => undefined,
      request: vi.fn((pattern: string) => {
        order.push(`request ${pattern}`);
        return Promise.resolve(false);
      }),
    };
    await mount(<LinkPatterns personId="p1" idPrefix="p" patterns={[]} access={access} send={send} />);
    await type('pattern-input', 'example.social/@someone*');
    await click('pattern-add');
    await act(async () => undefined);
    expect(order).toEqual(['request example.social/@someone*', 'custom-pattern-added']);
    expect($('pattern-access-note').textContent).toMatch(/saved.*allow access/i);
  });

  test('a pattern whose site is not open to us says so, with a way to allow it; an open one does not', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    const patterns = [
      { id: 'c1', personId: 'p1', pattern: 'example.social/@someone*' },
      { id: 'c2', personId: 'p1', pattern: 'theirblog.example' },
    ];
    const access = {
      granted: (pattern: string) => pattern === 'theirblog.example',
      request: vi.fn(async (_pattern: string) => true),
    };
    await mount(<LinkPatterns personId="p1" idPrefix="p" patterns={patterns} access={access} send={send} />);
    const rows = [...root.querySelectorAll('[data-testid="pattern-row"]')];
    expect(rows.map((row) => !!row.querySelector('[data-testid="pattern-needs-access"]'))).toEqual([true, false]);
    await click('pattern-allow');
    expect(access.request).toHaveBeenCalledWith('example.social/@someone*');
    expect(send).not.toHaveBeenCalled();
  });
});

describe('useSavedValue', () => {
  function Choice({ saved }: { saved: string }) {
    const [value, setValue] = useSavedValue(saved);
    return (
      <button type="button" data-testid="choice" onClick={() => setValue(`${saved}-edited`)}>
        {value}
      </button>
    );
  }

  test('a new saved value shows in the same render, replacing an edit made over the old one', async () => {
    await mount(<Choice saved="firm" />);
    await click('choice');
    expect($('choice').textContent).toBe('firm-edited');
    // Rendered synchronously, read before any effect could run: no frame shows the old choice.
    render(<Choice saved="gentle" />, root);
    expect($('choice').textContent).toBe('gentle');
  });

  test('an edit stays while the saved value stays', async () => {
    await mount(<Choice saved="firm" />);
    await click('choice');
    render(<Choice saved="firm" />, root);
    expect($('choice').textContent).toBe('firm-edited');
  });
});

describe('if-then plans', () => {
  test('each plan is one sentence with a remove button named after it; adding sends both parts trimmed', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<PlansSection plans={[{ id: 'p1', when: 'I miss them', then: 'call a friend' }]} send={send} />);
    expect($('plans-row').textContent).toContain('When I miss them, I will call a friend.');
    expect($('plans-remove').getAttribute('aria-label')).toBe('Remove plan “When I miss them, I will call a friend.”');
    expect(($('plans-add') as HTMLButtonElement).disabled).toBe(true);
    await type('plans-when', ' it is late ');
    await type('plans-then', ' put the phone away ');
    await act(async () => ($('plans-form') as HTMLFormElement).requestSubmit());
    await act(async () => undefined);
    expect(send).toHaveBeenCalledWith({ type: 'plan-added', when: 'it is late', then: 'put the phone away' });
    expect(($('plans-when') as HTMLInputElement).value).toBe('');
    await click('plans-remove');
    expect(send).toHaveBeenLastCalledWith({ type: 'plan-removed', planId: 'p1' });
  });

  test('a refusal is said in the section and what was typed stays', async () => {
    const send = vi.fn(async (): Promise<Reply> => ({ ok: false, error: 'This list is full.' }));
    await mount(<PlansSection plans={[]} send={send} />);
    await type('plans-when', 'w');
    await type('plans-then', 't');
    await act(async () => ($('plans-form') as HTMLFormElement).requestSubmit());
    await act(async () => undefined);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('This list is full.');
    expect(($('plans-then') as HTMLInputElement).value).toBe('t');
  });
});

describe('your data: one outcome at a time', () => {
  test('after an erase, the line of an earlier export is gone; after an import, the erase line is gone', async () => {
    const send = vi.fn(async (message: Message): Promise<Reply> =>
      message.type === 'export-requested' ? { ok: true, data: { json: '{}', fileName: 'copy.json' } } : { ok: true },
    );
    await mount(<DataSection send={send} onDownload={() => undefined} locale="en" />);
    await click('export-button');
    expect($('export-outcome').textContent).toContain('copy.json');
    await click('erase-button');
    await click('erase-continue');
    await click('erase-confirm');
    expect($('erase-outcome').textContent).toContain('erased');
    expect($('export-outcome').textContent).toBe('');
    await act(async () => {
      const input = $('import-input') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [new File(['{}'], 'copy.json')], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => undefined);
    expect($('import-outcome').textContent).toContain('imported');
    expect($('erase-outcome').textContent).toBe('');
  });
});

describe('what feed hiding covers', () => {
  const withPerson = (feedHiding: 'off' | 'hide', feedReach?: 'mentions'): StoredDocument => {
    const doc = emptyDocument(now, 'UTC');
    const person = { id: 'p1', label: 'Sam', accounts: [{ site: 'x' as const, handle: 'sam' }], feedHiding, addedAt: now.toISOString() };
    return { ...doc, people: [person], settings: { ...doc.settings, ...(feedReach && { feedReach }) } };
  };

  test('shown once someone has feed hiding on: their own posts by default, and the wider choice sends feed-reach-changed', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await people(withPerson('hide'), send);
    expect(($('feed-reach-own') as HTMLInputElement).checked).toBe(true);
    expect(root.textContent).toContain('Also posts that tag or mention them, and suggestions that show them');
    await click('feed-reach-mentions');
    expect(send).toHaveBeenCalledWith({ type: 'feed-reach-changed', feedReach: 'mentions' });
  });

  test('follows the stored choice, and is not offered while nobody has feed hiding on', async () => {
    const send = vi.fn(async (): Promise<Reply> => ({ ok: true }));
    await people(withPerson('hide', 'mentions'), send);
    expect(($('feed-reach-mentions') as HTMLInputElement).checked).toBe(true);
    await people(withPerson('off'), send);
    expect(root.querySelector('[data-testid="feed-reach-own"]')).toBeNull();
  });
});

describe('some contact is needed', () => {
  test('the box sends contact-needed-set; while marking waits for the cool-down it says so', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    const person = { id: 'p1', label: 'Sam', accounts: [{ site: 'x' as const, handle: 'sam' }], feedHiding: 'off' as const, addedAt: now.toISOString() };
    const pending = [{ id: 'w', kind: 'contact-needed' as const, personId: 'p1', requestedAt: now.toISOString(), effectiveAt: now.toISOString() }];
    await mount(<ContactNeededToggle person={person} idPrefix="p1" pending={[]} send={send} />);
    expect(($('contact-needed') as HTMLInputElement).checked).toBe(false);
    await click('contact-needed');
    expect(send).toHaveBeenCalledWith({ type: 'contact-needed-set', personId: 'p1', needed: true });
    await mount(<ContactNeededToggle person={person} idPrefix="p1" pending={pending} send={send} />);
    expect(($('contact-needed') as HTMLInputElement).checked).toBe(true);
    expect(root.textContent).toContain('waits for your cool-down');
  });
});

describe('hard hours', () => {
  test('presets and a custom window send hard-hours-added; each row says when in words; removal is asked for', async () => {
    const send = vi.fn(async (_message: Message): Promise<Reply> => ({ ok: true }));
    await mount(<HardHoursSection hardHours={[{ id: 'w1', from: 22, to: 6, days: [] }, { id: 'w2', from: 0, to: 0, days: [0, 6] }]} pending={[]} locale="en-GB" send={send} />);
    const rows = [...root.querySelectorAll('[data-testid="hard-hours-row"]')].map((row) => row.querySelector('span')?.textContent);
    expect(rows).toEqual(['22:00 to 6:00: every day', 'All day: Sun, Sat']);
    await click('hard-hours-nights');
    expect(send).toHaveBeenLastCalledWith({ type: 'hard-hours-added', from: 22, to: 6, days: [] });
    await click('hard-hours-weekends');
    expect(send).toHaveBeenLastCalledWith({ type: 'hard-hours-added', from: 0, to: 0, days: [0, 6] });
    await click('hard-hours-day-5');
    await act(async () => ($('hard-hours-form') as HTMLFormElement).requestSubmit());
    expect(send).toHaveBeenLastCalledWith({ type: 'hard-hours-added', from: 22, to: 6, days: [5] });
    await click('hard-hours-remove');
    expect(send).toHaveBeenLastCalledWith({ type: 'hard-hours-removal-requested', hardHoursId: 'w1' });
  });
});

describe('FriendSection', () => {
  const submit = async () => {
    await act(async () => ($('friend-form') as HTMLFormElement).requestSubmit());
    await act(async () => undefined);
  };

  test('saves the link (normalised) and the message; a bad link is explained and not sent', async () => {
    const send = vi.fn(async (_m: Message): Promise<Reply> => ({ ok: true }));
    await mount(<FriendSection friend={undefined} send={send} />);
    await type('friend-link', 'javascript:alert(1)');
    await submit();
    expect(send).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('cannot be opened from here');
    await type('friend-link', 'wa.me/15551234567');
    await type('friend-message', ' Can we talk? ');
    await submit();
    expect(send).toHaveBeenCalledWith({ type: 'friend-saved', link: 'https://wa.me/15551234567', message: 'Can we talk?' });
    expect($('friend-status').textContent).toContain('Saved');
  });

  test('a saved friend shows in the form and can be removed', async () => {
    const send = vi.fn(async (_m: Message): Promise<Reply> => ({ ok: true }));
    await mount(<FriendSection friend={{ link: 'sms:+15551234567', message: 'Hi' }} send={send} />);
    expect(($('friend-link') as HTMLInputElement).value).toBe('sms:+15551234567');
    await click('friend-remove');
    expect(send).toHaveBeenCalledWith({ type: 'friend-removed' });
  });
});
