/**
 * Issue 17, item 7: what the site's process can reach is only what the guard needs, read-only.
 * The store lives in the extension's own IndexedDB (utils/data/private-storage.ts); storage.local,
 * which a content script can read and write, holds only the guard's copy (utils/data/guard-copy.ts),
 * and the background undoes any write there that is not its own.
 *
 * Chromium: the checks run in our content script's own isolated world on a guarded page (DevTools
 * protocol), the context the site's renderer process holds. Firefox: BiDi does not reach a content
 * script's sandbox, so the same write is made from an extension page; what that proves is that
 * whoever writes storage.local (the background cannot tell who did, and does not need to) changes
 * nothing it keeps, and that storage.local holds only the copy. The unit suite covers the rest
 * (tests/unit/data/private-store.test.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StateSnapshot } from '../../utils/data/messages';
import { launch } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { hasHost } from './harness/page-checks';

const VARS = { handle: 'someone_guarded', other: 'someone_else' };
const GUARDED_URL = 'https://x.com/someone_guarded';
const PRIVATE = { label: 'Label only I know', journal: 'Words only I should read', phrase: 'my own quiet words', note: 'a note for me' };
/** What storage.local may hold: the guard's copy and the site checks. */
const LOCAL_KEYS = ['core', 'siteChecks', 'streak'];

describe(`what a content script can reach (${process.env.E2E_BROWSER ?? 'chromium'})`, () => {
  let session: E2eSession;

  const state = async (): Promise<StateSnapshot> => {
    const reply = await session.send({ type: 'state-requested' });
    if (!reply.ok) throw new Error(`state-requested: ${reply.error}`);
    return reply.data as StateSnapshot;
  };

  /** The private store as the popup page sees it (only an extension page can open it). */
  const privateStore = () =>
    session.inExtension(
      () =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const open = indexedDB.open('no-contact-guard');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const kv = open.result.transaction('kv', 'readonly').objectStore('kv');
            const keys = kv.getAllKeys();
            const values = kv.getAll();
            values.onsuccess = () => {
              resolve(Object.fromEntries(keys.result.map((key, i) => [String(key), values.result[i]])));
              open.result.close();
            };
          };
        }),
    );

  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 15_000;
    let value = await read();
    while (!ok(value) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      value = await read();
    }
    if (!ok(value)) throw new Error(`${what}: ${JSON.stringify(value).slice(0, 500)}`);
    return value;
  }

  beforeAll(async () => {
    session = await launch();
    session.server.serveFixture(GUARDED_URL, 'x', 'profile.html', VARS);
    const changes = [
      { type: 'person-added', label: PRIVATE.label, accounts: [{ site: 'x', handle: VARS.handle }], feedHiding: 'off' },
      { type: 'journal-entry-added', text: PRIVATE.journal },
      { type: 'friction-changed', friction: 'strict', strictPhrase: PRIVATE.phrase },
      { type: 'contact-recorded', note: PRIVATE.note },
      { type: 'reason-added', text: 'A reason the pause shows' },
    ] as const;
    for (const change of changes) expect(await session.send(change as never), change.type).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('storage.local holds only the guard\'s copy: no label, journal, phrase or note; the private store holds them', async () => {
    const local = await session.storage();
    expect(Object.keys(local).every((key) => LOCAL_KEYS.includes(key)), Object.keys(local).join(', ')).toBe(true);
    const text = JSON.stringify(local);
    for (const value of Object.values(PRIVATE)) expect(text).not.toContain(value);
    expect((local.core as { settings: { strictPhraseSet?: boolean } }).settings.strictPhraseSet).toBe(true);
    expect(text).toContain(VARS.handle);
    const kept = JSON.stringify(await privateStore());
    for (const value of Object.values(PRIVATE)) expect(kept).toContain(value);
  });

  /** Reads and writes as a content script can: in its own world (Chromium) or, in Firefox, from an extension page. */
  async function asContentScript(page: E2ePage, forged: Record<string, unknown>): Promise<{ keys: string[]; text: string; databases: string[] | null }> {
    const source = `(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const before = await api.storage.local.get(null);
      // In the site's origin: the site's own databases, never the extension's.
      const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : null;
      await api.storage.local.set(${JSON.stringify(forged)});
      return { keys: Object.keys(before).sort(), text: JSON.stringify(before), databases };
    })()`;
    if (page.inContentScript) return page.inContentScript(source);
    return session.inExtension(async (api, src) => {
      const before = await api.storage.local.get(null);
      const forgedItems = JSON.parse(src) as Record<string, unknown>;
      await api.storage.local.set(forgedItems);
      return { keys: Object.keys(before).sort(), text: JSON.stringify(before), databases: null };
    }, JSON.stringify(forged));
  }

  test('a write by the content-script context (a core with nobody and no cool-down) changes nothing the background keeps, and is undone', async () => {
    const before = await state();
    const copy = await session.storage();
    const page = await session.newPage();
    try {
      await page.goto(GUARDED_URL);
      await until(() => hasHost(page), Boolean, 'the guard covers the guarded profile');
      const copyCore = copy.core as Record<string, unknown>;
      const forged = {
        core: { ...copyCore, people: [], settings: { friction: 'gentle', strictPhraseSet: false, paused: true, sitesOff: [] } },
        streak: { version: 4, startedAt: new Date().toISOString(), timeZone: 'UTC', goalDays: 1 },
        'journal:2026-12': { version: 4, entries: [] },
        revision: 'forged',
      };
      const seen = await asContentScript(page, forged);
      // What it could read: the guard's copy only.
      expect(seen.keys.every((key) => LOCAL_KEYS.includes(key)), seen.keys.join(', ')).toBe(true);
      for (const value of Object.values(PRIVATE)) expect(seen.text).not.toContain(value);
      // Chromium: asked from the content script's own world, which opens the site's databases.
      if (page.inContentScript) expect(seen.databases).not.toBeNull();
      if (seen.databases) expect(seen.databases).not.toContain('no-contact-guard');
      // The site's own world (both browsers): its origin's databases do not include ours either.
      expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('no-contact-guard');

      // Undone: storage.local is the background's copy again, and nothing else is left there.
      await until(
        () => session.storage(),
        (local) => JSON.stringify(local.core) === JSON.stringify(copy.core) && JSON.stringify(local.streak) === JSON.stringify(copy.streak) && !('revision' in local) && !('journal:2026-12' in local),
        'storage.local back to the copy',
      );
      // Nothing the background keeps changed: the person, the friction, the journal, the streak.
      const after = await state();
      expect(after.doc.people).toEqual(before.doc.people);
      expect(after.doc.settings).toEqual(before.doc.settings);
      expect(after.doc.journal).toEqual(before.doc.journal);
      expect(after.doc.streak).toEqual(before.doc.streak);
      // And the guard still guards: a fresh load of the profile is covered.
      await page.goto(GUARDED_URL);
      await until(() => hasHost(page), Boolean, 'still covered after the forged write');
    } finally {
      await page.close();
    }
  });
});
