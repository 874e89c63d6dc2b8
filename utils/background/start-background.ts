/**
 * The background's wiring. Listeners are added synchronously at start (an MV3 worker or event
 * page may be woken by any of them); the store loads lazily on the first one.
 */
import { browser } from 'wxt/browser';
import { MessageSchema, type Reply, type StateChanged } from '../data/messages';
import type { Core } from '../data/schema';
import { createStore, type Committed, type Store } from '../data/store';
import { handleMessage } from '../data/router';
import { now } from '../data/clock';
import { adapterById } from '../sites/registry';
import { TypedAheadWantedSchema } from '../engine/typed-ahead';
import { allowOnceInTab, clearAllowOnceRules, syncBrowser } from './registration';
import { createSiteChecksWriter, SITE_CHECKS_KEY } from '../data/site-checks';
import { FeedStyleWantedSchema, forgetTabFeedStyle, styleTabFeed } from './feed-style';
import { FEED_STYLE_WANTED } from '../engine/feed-style-request';
import { GUARD_FEED_FILE, GUARD_UI_FILE } from './guard-bundles';
import { GUARD_FEED_WANTED } from '../engine/feed-port';
import { GUARD_UI_WANTED } from '../engine/stage-port';
import { createPrivateStorage } from '../data/private-storage';
import { moveToPrivateStore } from '../data/migrations/005-private-store';
import { guardCopyOf, isGuardCopy } from '../data/guard-copy';
import { GUARD_CORE_KEYS } from '../data/guard-keys';
import { parseStorageSpace } from '../data/storage-space';

const PENDING_ALARM = 'pending-changes';

function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function newId(): string {
  return crypto.randomUUID();
}

/** The strict phrase matches without regard to case, outer spaces or repeated spaces. */
function samePhrase(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a).length > 0 && norm(a) === norm(b);
}

const PAGE_PASSES = 'pagePasses';
/** A pass lives as long as the one-time allow rule it goes with (see allowOnceInTab). */
const PAGE_PASS_MS = 60_000;
type PagePasses = Record<string, { url: string; until: number }>;

function samePage(a: string, b: string): boolean {
  const strip = (u: string) => u.replace(/#.*$/, '');
  return strip(a) === strip(b);
}

/**
 * "Continue" on the pause page already was the person's decision about this page, so the guard
 * in the page it loads must not pause them a second time. Kept in session storage (gone when the
 * browser closes), keyed by tab, claimed once.
 */
async function grantPagePass(tabId: number, url: string): Promise<void> {
  const stored = (await browser.storage.session.get(PAGE_PASSES))[PAGE_PASSES] as PagePasses | undefined;
  await browser.storage.session.set({ [PAGE_PASSES]: { ...stored, [tabId]: { url, until: Date.now() + PAGE_PASS_MS } } });
}

async function claimPagePass(tabId: number, url: string): Promise<boolean> {
  const stored = ((await browser.storage.session.get(PAGE_PASSES))[PAGE_PASSES] ?? {}) as PagePasses;
  const pass = stored[tabId];
  if (!pass) return false;
  delete stored[tabId];
  await browser.storage.session.set({ [PAGE_PASSES]: stored });
  return pass.until >= Date.now() && samePage(pass.url, url);
}

export function startBackground(): void {
  const extensionOrigin = browser.runtime.getURL('/');
  // A worker (or event page) that starts afresh has no "continue" in flight: a one-time rule left
  // from before it stopped would let a later load through unasked.
  const allowRulesCleared = clearAllowOnceRules().catch(() => undefined);
  const siteChecks = createSiteChecksWriter(browser.storage.local, now);
  // The store lives in the extension's own IndexedDB, out of a content script's reach; storage.local
  // keeps only the guard's copy (issue 17, item 7; utils/data/migrations/005-private-store.ts).
  const privateStorage = createPrivateStorage(() => indexedDB);
  let storePromise: Promise<Store> | undefined;
  const store = () =>
    (storePromise ??= (async () => {
      await moveToPrivateStore(browser.storage.local, privateStorage);
      const created = createStore({
        storage: privateStorage,
        now,
        timeZone,
        newId,
        // Every change that is answered ok goes through syncWithCore, which writes the guard's copy.
        onCommit: tellOpenPages,
        // The extension origin's space, where the store's IndexedDB lives (issue 17, item 6): near
        // the quota the log compacts further, and an import that would not fit is refused up front.
        space: async () => parseStorageSpace(await navigator.storage?.estimate?.()),
      });
      await created.load();
      void keepGuardCopy();
      return created;
    })());

  /** What may be in storage.local: the guard's copy and the site checks (this worker's own writes). */
  const LOCAL_KEYS = new Set<string>([...GUARD_CORE_KEYS, SITE_CHECKS_KEY]);
  const GUARD_KEYS = new Set<string>(GUARD_CORE_KEYS);
  let guardCopyQueue: Promise<void> = Promise.resolve();
  /** The copy this worker last wrote or found in place: its own write coming back needs no check. */
  let lastCopy: Record<string, unknown> | undefined;

  /**
   * Writes the guard's copy from the store's own document (`known`, or read from the store) when
   * storage.local holds anything else there, and removes keys that do not belong: after every
   * change answered ok, and after a write by anyone else (a content script can write
   * storage.local; what it wrote is undone and the store never reads it). One at a time.
   */
  function keepGuardCopy(known?: Core): Promise<void> {
    guardCopyQueue = guardCopyQueue.then(async () => {
      const core = known ?? (await readCore());
      if (!core) return;
      const copy = guardCopyOf(core);
      const local = await browser.storage.local.get(null);
      const strangers = Object.keys(local).filter((key) => !LOCAL_KEYS.has(key));
      if (strangers.length > 0) await browser.storage.local.remove(strangers);
      lastCopy = copy;
      if (!isGuardCopy(local, copy)) await browser.storage.local.set(copy);
    }).catch(() => undefined);
    return guardCopyQueue;
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (keys.every((key) => key === SITE_CHECKS_KEY)) return;
    // Our own copy coming back (each write of it is announced to every context, this one too).
    const newValues = Object.fromEntries(keys.map((key) => [key, changes[key]?.newValue]));
    if (lastCopy && keys.every((key) => GUARD_KEYS.has(key)) && isGuardCopy({ ...lastCopy, ...newValues }, lastCopy)) return;
    // Anything else is checked against the store and undone.
    void store().then(() => keepGuardCopy());
  });

  /**
   * Open popups and options pages refresh from what a write changed, not from a full snapshot per
   * write (issue 17: 20 open pages × 1,000 writes asked for about 20,000). Only extension pages get
   * runtime messages from here; a content script is reached only through `tabs.sendMessage`.
   */
  function tellOpenPages(committed: Committed): void {
    const message: StateChanged = { type: 'state-changed', ...committed };
    // Nobody listening (no page open) is the common case, not an error.
    browser.runtime.sendMessage(message).catch(() => undefined);
  }

  /** The core as the writer holds it, never as a page left it in storage: that is only a copy. */
  async function readCore(): Promise<Core | undefined> {
    const snapshot = await (await store()).snapshot();
    return snapshot.problem === 'newer-version' ? undefined : snapshot.doc;
  }

  /** Registration, redirect rules and the next pending-change alarm follow the stored core. */
  async function syncWithCore(): Promise<void> {
    const core = await readCore();
    if (!core) return;
    // The guard in a page opened next reads this copy: written before the reply.
    await keepGuardCopy(core);
    await syncBrowser(core);
    // A pause for a while ends by itself: its end is one more moment the store must look again.
    const pauseEnd = core.settings.paused && core.settings.pausedUntil ? [Date.parse(core.settings.pausedUntil)] : [];
    const next = [...core.settings.pending.map((p) => Date.parse(p.effectiveAt)), ...pauseEnd].sort((a, b) => a - b)[0];
    await browser.alarms.clear(PENDING_ALARM);
    if (next !== undefined) await browser.alarms.create(PENDING_ALARM, { when: Math.max(next, Date.now() + 1000) });
  }

  async function onMessage(raw: unknown, sender: Parameters<typeof handleMessage>[1]): Promise<Reply> {
    const parsed = MessageSchema.safeParse(raw);
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
    if (parsed.success && parsed.data.type === 'page-continue-requested') {
      if (!fromExtensionPage || sender.tab?.id === undefined) return { ok: false, error: 'Not allowed here.' };
      await allowRulesCleared;
      if (!(await allowOnceInTab(sender.tab.id, parsed.data.url))) return { ok: false, error: 'Not allowed here.' };
      await grantPagePass(sender.tab.id, parsed.data.url);
      return { ok: true };
    }
    if (parsed.success && parsed.data.type === 'page-pass-claimed') {
      const fromContentScript = sender.id === browser.runtime.id && sender.tab?.id !== undefined && !fromExtensionPage;
      if (!fromContentScript || sender.tab?.id === undefined) return { ok: false, error: 'Not allowed here.' };
      return { ok: true, data: { pass: await claimPagePass(sender.tab.id, parsed.data.url) } };
    }
    if (parsed.success && parsed.data.type === 'site-check-reported') {
      // From our own guard in a site's page only (the only sender that checks a page).
      const fromContentScript = sender.id === browser.runtime.id && sender.tab?.id !== undefined && !fromExtensionPage;
      if (!fromContentScript) return { ok: false, error: 'Not allowed here.' };
      await siteChecks.record(parsed.data.site, parsed.data.found);
      return { ok: true };
    }
    if (parsed.success && parsed.data.type === 'support-page-requested') {
      // From our own content script or pages only; the page is ours, so no site can point it elsewhere.
      if (sender.id !== browser.runtime.id) return { ok: false, error: 'Not allowed here.' };
      const url = parsed.data.page === 'quieter' ? '/options.html#people' : '/support.html';
      await browser.tabs.create({ url: browser.runtime.getURL(url) });
      return { ok: true };
    }
    if (parsed.success && parsed.data.type === 'strict-phrase-entered') {
      if (!fromExtensionPage) return { ok: false, error: 'Not allowed here.' };
      const core = await readCore();
      if (!core || !samePhrase(parsed.data.phrase, core.settings.strictPhrase)) return { ok: false, error: 'not-yet' };
      if (sender.tab?.id !== undefined) {
        await browser.tabs.sendMessage(sender.tab.id, { type: 'phrase-confirmed' }, { frameId: 0 }).catch(() => undefined);
      }
      return { ok: true };
    }
    const reply = await handleMessage(raw, sender, {
      store: await store(),
      extensionId: browser.runtime.id,
      extensionOrigin,
    });
    if (reply.ok && parsed.success && parsed.data.type === 'erase-requested') await siteChecks.clear().catch(() => undefined);
    // Reply only once the browser follows the change, so a page opened next is already guarded.
    // The change is stored by then: a browser that refuses part of it (a rule) must not turn the
    // reply into a failure, or the sender would retry a change that was made.
    if (reply.ok) await syncWithCore().catch(() => undefined);
    return reply;
  }

  /**
   * The typing frame inside the interstitial asks the guard in its tab's top frame for the keys
   * held from the site (utils/engine/typed-ahead.ts). Only from an extension page in a tab.
   */
  async function askGuardForTypedAhead(raw: unknown, sender: Parameters<typeof handleMessage>[1]): Promise<unknown> {
    const parsed = TypedAheadWantedSchema.safeParse(raw);
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin);
    if (!parsed.success || !fromExtensionPage || sender.tab?.id === undefined) return { text: '' };
    return browser.tabs.sendMessage(sender.tab.id, parsed.data, { frameId: 0 }).catch(() => ({ text: '' }));
  }

  /**
   * The guard on a site page asks for its feed stylesheet (utils/background/feed-style.ts): only
   * a content script in a tab's top frame, for the site of the page it runs in.
   */
  async function styleFeed(raw: unknown, sender: Parameters<typeof handleMessage>[1] & { frameId?: number }): Promise<Reply> {
    const parsed = FeedStyleWantedSchema.safeParse(raw);
    const tabId = sender.tab?.id;
    const fromContentScript = sender.id === browser.runtime.id && tabId !== undefined && !(sender.url ?? '').startsWith(extensionOrigin);
    if (!parsed.success || !fromContentScript || tabId === undefined || (sender.frameId ?? 0) !== 0) return { ok: false, error: 'Not allowed here.' };
    const host = URL.canParse(sender.url ?? '') ? new URL(sender.url!).hostname : '';
    if (!adapterById(parsed.data.site).hosts.some((h) => host === h || host.endsWith(`.${h}`))) return { ok: false, error: 'Not allowed here.' };
    const styled = await styleTabFeed(await readCore(), parsed.data.site, tabId, 0, parsed.data.first, newId());
    return { ok: true, data: { styled } };
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabFeedStyle(tabId).catch(() => undefined);
  });

  /**
   * The first stage wants one of the shared stages in its frame now (a file of the extension,
   * nothing web-accessible): the UI stage when a prompt is wanted before its `document_idle`
   * registration has run (a second copy finds the dialog attached and does nothing); the feed
   * stage when someone's posts came to be hidden in an open tab (utils/engine/feed-port.ts). Only
   * for our own content scripts in a tab; resolves once the file has run, so the sender can use it.
   */
  async function injectStage(file: string, sender: Parameters<typeof handleMessage>[1] & { frameId?: number }): Promise<undefined> {
    const fromContentScript = sender.id === browser.runtime.id && !(sender.url ?? '').startsWith(extensionOrigin);
    if (!fromContentScript || sender.tab?.id === undefined) return undefined;
    // `as never`: WXT's path type wants a leading '/', which the registration's paths do not have.
    await browser.scripting
      .executeScript({ target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] }, files: [file as never] })
      .catch(() => undefined);
    return undefined;
  }
  /** The two shared stages the first stage may ask for, by message type; any other type is not one. */
  const STAGE_FILES: Record<string, string> = { [GUARD_UI_WANTED]: GUARD_UI_FILE, [GUARD_FEED_WANTED]: GUARD_FEED_FILE };

  // Only messages that are ours get a Promise back; anything else is left for other listeners.
  browser.runtime.onMessage.addListener((raw, sender) => {
    if (typeof raw !== 'object' || raw === null || !('type' in raw)) return undefined;
    const type = (raw as { type: unknown }).type;
    const stageFile = typeof type === 'string' && Object.hasOwn(STAGE_FILES, type) ? STAGE_FILES[type] : undefined;
    if (stageFile) return injectStage(stageFile, sender as Parameters<typeof injectStage>[1]);
    if ((raw as { type: unknown }).type === 'typed-ahead-wanted') return askGuardForTypedAhead(raw, sender as Parameters<typeof handleMessage>[1]);
    if ((raw as { type: unknown }).type === FEED_STYLE_WANTED) {
      return styleFeed(raw, sender as Parameters<typeof handleMessage>[1]).catch((): Reply => ({ ok: false, error: 'not-styled' }));
    }
    return onMessage(raw, sender as Parameters<typeof handleMessage>[1]);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PENDING_ALARM) return;
    void store()
      .then((s) => s.applyDue())
      .then(syncWithCore);
  });

  browser.runtime.onInstalled.addListener((details) => {
    void store().then(syncWithCore);
    // From the first minute: the welcome (what the guard does and cannot do, pinning it) and the set-up.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#setup') });
  });
  browser.runtime.onStartup.addListener(() => {
    void store().then(syncWithCore);
  });
}
