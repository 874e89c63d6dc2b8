/** Starts the browser named by E2E_BROWSER (default chromium) with the built extension loaded. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, E2ePage, E2eSession, LaunchOptions } from './types';
import { bounded, PAGE_CALL_MS } from './bounded';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export function browserName(): BrowserName {
  const name = process.env.E2E_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`E2E_BROWSER must be chromium or firefox, not "${name}"`);
  return name;
}

/** E2E_OUTPUT_DIR points at another build's .output (a scratch copy); default: this checkout's. */
export function extensionDir(name: BrowserName): string {
  const output = process.env.E2E_OUTPUT_DIR ?? join(ROOT, '.output');
  const dir = join(output, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run npm run build first`);
  return dir;
}

export async function launch(options: LaunchOptions = {}): Promise<E2eSession> {
  const name = browserName();
  return name === 'chromium' ? launchChromium(extensionDir(name), options) : launchFirefox(extensionDir(name), options);
}

/** Runs `run` in a new tab of the session, and closes the tab however `run` ends. */
export async function withPage<R>(session: E2eSession, run: (page: E2ePage) => Promise<R>): Promise<R> {
  const page = await session.newPage();
  try {
    return await run(page);
  } finally {
    // A tab that does not close in time stays open beside the next one; the test's own clean-up still runs.
    await bounded('closing the tab', PAGE_CALL_MS, page.close()).catch((error: unknown) => console.warn(String(error)));
  }
}

/**
 * Lets `ms` pass for the changes waiting out a cool-down (and a pause for a while): their times move back by `ms` in the
 * stored `core` part (as if the clock had moved on), then one read of the state lets every change that is
 * now due take effect (utils/data/store.ts). The shipped build has no clock hook to move. The store
 * lives in the extension's own IndexedDB (utils/data/private-storage.ts), which only an extension
 * page reaches: the popup page writes it here, `core` and a new `revision` in one transaction.
 */
export async function passTimeForWaitingChanges(session: Pick<E2eSession, 'inExtension' | 'send'>, ms: number): Promise<void> {
  await session.inExtension(async (_api, by) => {
    type Waiting = { requestedAt: string; effectiveAt: string; until?: string };
    type Core = { settings: { pending: Waiting[]; pausedUntil?: string } };
    // Self-contained: this function runs as source in the extension page.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('no-contact-guard');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('kv', 'readwrite');
    const kv = tx.objectStore('kv');
    const core = await new Promise<Core>((resolve, reject) => {
      const req = kv.get('core');
      req.onsuccess = () => resolve(req.result as Core);
      req.onerror = () => reject(req.error);
    });
    const earlier = (iso: string) => new Date(Date.parse(iso) - by).toISOString();
    core.settings.pending = core.settings.pending.map((p) => ({
      ...p,
      requestedAt: earlier(p.requestedAt),
      effectiveAt: earlier(p.effectiveAt),
      ...(p.until ? { until: earlier(p.until) } : {}),
    }));
    // A pause for a while ends by itself at `pausedUntil`: that time moves too.
    if (core.settings.pausedUntil) core.settings.pausedUntil = earlier(core.settings.pausedUntil);
    kv.put(core, 'core');
    // A new revision: the writer keeps what it wrote in memory and reads again only when the
    // stored revision is not the one it wrote (utils/data/store.ts).
    kv.put(`moved-${Date.now()}-${Math.random()}`, 'revision');
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, ms);
  const reply = await session.send({ type: 'state-requested' });
  if (!reply.ok) throw new Error(`state-requested failed: ${reply.error}`);
}
