/**
 * Binds the engine to the browser: reads the stored core (validated), follows its changes,
 * mounts the interstitial, and reports the person's choices to the background. The content
 * script only reads storage; every change goes through a message to the one writer.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { GUARD_CORE_KEYS, guardCoreFrom, type GuardCore } from '../data/guard-core';
import { PAUSE_SECONDS } from '../data/friction';
import type { Message, Reply } from '../data/messages';
import { sendReliably } from '../data/reliable-send';
import type { SiteAdapter } from '../sites/site-adapter';
import { feedHidingFlagged } from './feed-hiding-flag';
import { daysWithoutContact } from '../days/day-count';
import { buildGuardIndex, EMPTY_GUARD_INDEX } from './guard-index';
import { createGuardUi, type InterstitialContext } from './cover';
import { TypedAheadWantedSchema } from './typed-ahead';
import { startEngine } from './engine';
import { calmPageUrl } from '../ui/calm-page';
import { friendPrompt } from '../friend/friend-link';
import { hardHoursFriction, isInHardHours } from '../days/hard-hours';

/** A different reason each time, so the words stay alive; the first reason when there is one. */
function pick<T>(items: readonly T[], seed: number): T | undefined {
  return items.length === 0 ? undefined : items[seed % items.length];
}

/**
 * A page the person already chose to continue to on the pause page (a LinkedIn profile, an
 * Instagram story: views that tell the other person) is not paused a second time. The guard asks
 * the background once, as it starts, and only on such pages; the pass is for this exact address
 * and ends as soon as the page moves on.
 */
function withPagePass(adapter: SiteAdapter): { adapter: SiteAdapter; passClaimed: Promise<void> } {
  const startHref = location.href;
  const startRef = adapter.parseUrl(new URL(startHref));
  if (!startRef || !adapter.visibleToThem?.[startRef.kind]) return { adapter, passClaimed: Promise.resolve() };
  let passedHref: string | undefined;
  const message: Message = { type: 'page-pass-claimed', url: startHref };
  const passClaimed = (browser.runtime.sendMessage(message) as Promise<Reply | undefined>).then(
    (reply) => {
      if (reply?.ok && (reply.data as { pass?: boolean } | undefined)?.pass === true) passedHref = startHref;
    },
    () => undefined,
  );
  const passAware: SiteAdapter = {
    ...adapter,
    parseUrl(url) {
      if (passedHref !== undefined && url.href === passedHref && location.href === passedHref) return undefined;
      if (location.href !== passedHref) passedHref = undefined;
      return adapter.parseUrl(url);
    },
  };
  return { adapter: passAware, passClaimed };
}

/** Starts the guard for one site's adapter (each site's bundle carries its own: modules/site-bundles.ts). */
export function startGuard(ctx: ContentScriptContext, siteAdapter: SiteAdapter): void {
  const { adapter, passClaimed } = withPagePass(siteAdapter);
  let core: GuardCore | undefined;
  /** What storage last said under GUARD_CORE_KEYS: a change names only the keys that changed. */
  let latest: Record<string, unknown> = {};
  let prompts = 0;

  const context = (): InterstitialContext => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const seed = prompts++;
    const now = new Date();
    const hardHour = core ? isInHardHours(core.hardHours, now, timeZone) : false;
    const friction = hardHoursFriction(core?.settings.friction ?? 'gentle', hardHour, core?.settings.strictPhraseSet ?? false);
    return {
      days: core ? daysWithoutContact(core.streak, now, timeZone) : 0,
      goalDays: core?.streak.goalDays ?? 30,
      reason: core ? pick(core.reasons, seed)?.text : undefined,
      insteadIdea: core ? pick(core.insteadIdeas, seed)?.text : undefined,
      plan: core ? pick(core.plans, seed) : undefined,
      friend: core?.friend ? friendPrompt(core.friend) : undefined,
      friction,
      pauseSeconds: PAUSE_SECONDS[friction],
      hardHour,
    };
  };

  const pausePage = browser.runtime.getURL('/pause.html');
  // Names this guard's typing frames (utils/engine/typed-ahead.ts); random, and new on every page load.
  const frameKey = crypto.randomUUID().replaceAll('-', '');

  // Retried until the background answers, with one id per report so a retry is never counted twice.
  // After an update ("Extension context invalidated") every try fails quietly: nothing to report to.
  const send = (message: Message) => {
    void sendReliably(message, {
      post: (m) => browser.runtime.sendMessage(m),
      newId: () => crypto.randomUUID(),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      unreachable: () => '',
    });
  };

  const ui = createGuardUi({
    doc: document,
    context,
    frameUrl: (mode) => `${pausePage}?mode=${mode}&site=${adapter.id}&key=${frameKey}`,
    signal: ctx.signal,
    // A message, not a link: a link to an extension page would have to be web-accessible, which lets any site probe for us.
    onSupport: () => send({ type: 'support-page-requested' }),
    onQuieter: () => send({ type: 'support-page-requested', page: 'quieter' }),
  });

  const reported = new Set<string>();
  startEngine({
    adapter,
    win: window,
    signal: ctx.signal,
    ui,
    hidesFeedBeforeLoad: feedHidingFlagged(),
    calmPage: () => calmPageUrl(pausePage, new URL(location.href), adapter.id),
    async loadIndex() {
      const [stored] = await Promise.all([browser.storage.local.get([...GUARD_CORE_KEYS]), passClaimed]);
      latest = stored;
      core = guardCoreFrom(stored);
      return core ? buildGuardIndex(core, adapter.id) : EMPTY_GUARD_INDEX;
    },
    subscribe(onIndex) {
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
        if (area !== 'local') return;
        const ours = GUARD_CORE_KEYS.filter((key) => key in changes);
        // Firefox 153 reports a key as changed even when it is equal (seen 2026-11: a "go back" on
        // X asked again; Source: tests/e2e/guard.e2e.ts). An unchanged core decides nothing.
        if (ours.every((key) => JSON.stringify(changes[key]?.oldValue) === JSON.stringify(changes[key]?.newValue))) return;
        latest = { ...latest, ...Object.fromEntries(ours.map((key) => [key, changes[key]?.newValue])) };
        core = guardCoreFrom(latest);
        onIndex(core ? buildGuardIndex(core, adapter.id) : EMPTY_GUARD_INDEX);
      };
      browser.storage.onChanged.addListener(listener);
      ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
    },
    reportCheck: (found) => send({ type: 'site-check-reported', site: adapter.id, found }),
    report({ type, what, way, countAsContact }) {
      if (type === 'urge-resisted') send({ type, site: adapter.id, what, ...(way && { way }) });
      else send({ type, site: adapter.id, what, countAsContact: countAsContact ?? false });
    },
    onError(where, error) {
      // Once per place, with the adapter id and never a handle; only in development builds.
      if (import.meta.env.MODE === 'production' || reported.has(where)) return;
      reported.add(where);
      console.warn(`[no-contact-guard] ${where} failed`, error);
    },
  });

  // The strict phrase is typed in the extension frame; the background relays "confirmed" here.
  // The typing frame asks (through the background) for the keys held for it: only a frame whose
  // address carries this guard's key gets them.
  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'phrase-confirmed') ui.confirmPhrase();
    const wanted = TypedAheadWantedSchema.safeParse(message);
    if (wanted.success && wanted.data.key === frameKey) return Promise.resolve({ text: ui.takeTypedAhead(wanted.data.mode) });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
