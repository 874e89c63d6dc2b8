/**
 * Mounts the pause page for its mode (see entrypoints/pause/main.tsx). Talks to the background
 * only through messages; reads the guard's copy of the core (storage.local) for the day count and the person's reasons.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Interstitial } from '../../components/interstitial/Interstitial';
import { TextForm } from '../../components/pause/TextForm';
import { PAUSE_SECONDS } from '../data/friction';
import { GUARD_CORE_KEYS, guardCoreFrom, type GuardCore } from '../data/guard-core';
import { daysWithoutContact } from '../days/day-count';
import { t } from '../copy';
import { linkPatternMatches } from '../sites/custom-patterns';
import { parseHttpUrl } from '../sites/web-address';
import { adapterById } from '../sites/registry';
import { UNCERTAIN_SIGNALS, type PageKind, type SiteAdapter } from '../sites/site-adapter';
import { isSiteId, type SiteId } from '../sites/site-ids';
import { send } from './client';
import { calmPageUrl } from './calm-page';
import { friendPrompt } from '../friend/friend-link';
import type { UrgeWay } from '../data/schema';
import { TypedAheadReplySchema, type TypedAheadWanted, type TypingMode } from '../engine/typed-ahead';

export async function mountPausePage(root: HTMLElement, url: URL): Promise<void> {
  const mode = url.searchParams.get('mode');
  const siteParam = url.searchParams.get('site') ?? '';
  const site = isSiteId(siteParam) ? siteParam : undefined;
  document.body.classList.add(mode === 'page' || mode === 'home' ? 'page' : 'frame');

  if (mode === 'journal' || mode === 'phrase') {
    mountTypingFrame(root, mode);
    return;
  }
  if (mode === 'home') {
    await mountCalmPage(root, url, site);
    return;
  }

  // mode=page: the original URL rides in the fragment (see utils/background/registration.ts).
  // source=pattern: one of the person's own link patterns stopped it (utils/sites/custom-patterns.ts).
  document.title = t('pause.title');
  const fromPattern = url.searchParams.get('source') === 'pattern';
  const adapter = site ? adapterById(site) : undefined;
  const stored = await browser.storage.local.get([...GUARD_CORE_KEYS]);
  const core = guardCoreFrom(stored);
  const target = fromPattern
    ? patternTarget(url.hash.slice(1), core)
    : adapter
      ? parseTarget(url.hash.slice(1), adapter)
      : undefined;
  const friction = core ? core.settings.friction : 'gentle';
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let pageKind: PageKind = 'profile';
  try {
    pageKind = (target && adapter?.parseUrl(target)?.kind) || 'profile';
  } catch {
    // An adapter that throws keeps the default wording (adapters should not throw).
  }
  const promptKind = fromPattern ? 'pattern' : pageKind;
  const contactSignal = adapter?.visibleToThem?.[pageKind];
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'ncg-title');
  dialog.setAttribute('aria-describedby', 'ncg-body ncg-not-sent');
  root.append(dialog);
  // How the pause ended when it was not plain "go back": their plan, a friend, the wave ridden out.
  let way: UrgeWay | undefined;
  const endAs = (chosen: UrgeWay) => {
    way = chosen;
    dialog.close();
  };
  const goBack = () => {
    void send({ type: 'urge-resisted', site, what: promptKind, ...(way ? { way } : {}) });
    if (history.length > 1) history.back();
    else if (target) location.replace(calmPageUrl(browser.runtime.getURL('/pause.html'), target, site, fromPattern));
  };
  dialog.addEventListener('close', goBack);
  render(
    <>
      <Interstitial
        prompt={{ subject: 'page', pageKind: promptKind, contactSignal, asksToCount: !fromPattern }}
        days={core ? daysWithoutContact(core.streak, new Date(), timeZone) : 0}
        goalDays={core ? core.streak.goalDays : 30}
        reason={core ? core.reasons[0]?.text : undefined}
        insteadIdea={core ? core.insteadIdeas[0]?.text : undefined}
        friction={friction}
        pauseSeconds={PAUSE_SECONDS[friction]}
        frameUrl={(m) => `${browser.runtime.getURL('/pause.html')}?mode=${m}`}
        phraseConfirmed={false}
        plan={core ? core.plans[0] : undefined}
        friend={core?.friend ? friendPrompt(core.friend) : undefined}
        onPlan={() => endAs('plan')}
        onFriend={() => endAs('friend')}
        onWave={() => endAs('wave')}
        onSupport={() => void send({ type: 'support-page-requested' })}
        onQuieter={() => void send({ type: 'support-page-requested', page: 'quieter' })}
        onBack={() => dialog.close()}
        onDone={async (countAsContact) => {
          if (!target) return;
          dialog.removeEventListener('close', goBack);
          await send({ type: 'went-through', site, what: promptKind, countAsContact });
          // A one-time allow rule for this tab, then the real load: it reaches the site once.
          const reply = await send({ type: 'page-continue-requested', url: target.href });
          if (reply.ok) location.replace(target.href);
          else dialog.addEventListener('close', goBack);
        }}
      />
      <p id="ncg-not-sent" class="not-sent" data-part="not-sent">
        {t(!contactSignal ? 'pause.notSent' : UNCERTAIN_SIGNALS.has(contactSignal) ? 'pause.notSentMayBeVisible' : 'pause.notSentVisible')}
      </p>
    </>,
    dialog,
  );
  dialog.showModal();
}

/** A different prompt each time the box opens: about the person and their future, never about the other one. */
const JOURNAL_PROMPTS = ['pause.journalPrompt1', 'pause.journalPrompt2', 'pause.journalPrompt3', 'pause.journalPrompt4', 'pause.journalPrompt5'] as const;

/**
 * The typing frames inside the interstitial. Keys typed before this frame had focus were held by
 * the guard and arrive here as a `typed-ahead` message from the content script of this same tab's
 * top frame (utils/engine/typed-ahead.ts); anything else is ignored.
 */
function mountTypingFrame(root: HTMLElement, mode: TypingMode): void {
  // The guard that made this frame put a random key in its address; it answers only to that key
  // (through the background: utils/engine/typed-ahead.ts).
  const key = new URL(location.href).searchParams.get('key') ?? '';
  // What this page has received from the guard: a piece whose reply was lost comes again.
  let received = 0;
  const typedAhead = async (): Promise<string> => {
    if (key.length < 16) return '';
    const wanted: TypedAheadWanted = { type: 'typed-ahead-wanted', mode, key, received };
    const reply = TypedAheadReplySchema.safeParse(await browser.runtime.sendMessage(wanted).catch(() => undefined));
    if (!reply.success) return '';
    received += reply.data.text.length;
    return reply.data.text;
  };
  if (mode === 'journal') {
    const prompt = JOURNAL_PROMPTS[Math.floor(Math.random() * JOURNAL_PROMPTS.length)]!;
    render(
      <TextForm
        label={t('pause.journalLabel')}
        prompt={t(prompt)}
        hint={t('pause.journalStopHere')}
        submitLabel={t('pause.journalSave')}
        multiline
        typedAhead={typedAhead}
        onSubmit={async (text) => {
          const reply = await send({ type: 'journal-entry-added', text });
          if (reply.ok) return { status: t('pause.journalSaved'), ok: true };
          return {
            status: t('pause.journalNotSaved', [reply.error]),
            ok: false,
            recovery: { label: t('pause.journalFreeSpace'), onClick: () => void browser.runtime.openOptionsPage() },
          };
        }}
      />,
      root,
    );
    return;
  }
  render(
    <TextForm
      label={t('pause.phraseLabel')}
      submitLabel={t('interstitial.confirm')}
      multiline={false}
      typedAhead={typedAhead}
      onSubmit={async (phrase) => {
        const reply = await send({ type: 'strict-phrase-entered', phrase });
        return reply.ok ? { status: t('pause.phraseOk'), ok: true } : { status: t('pause.phraseWrong'), ok: false };
      }}
    />,
    root,
  );
}

/**
 * The page the redirect stopped, if it is an http(s) address on the site the redirect named.
 * Anything else (a hand-made pause.html link) gets no "continue".
 */
function parseTarget(raw: string, adapter: SiteAdapter): URL | undefined {
  const target = parseHttpUrl(raw);
  const host = target?.hostname.toLowerCase() ?? '';
  return target && adapter.hosts.some((h) => host === h || host.endsWith(`.${h}`)) ? target : undefined;
}

/** A stopped address one of the person's own patterns (of someone still guarded) matches; else none. */
function patternTarget(raw: string, core: GuardCore | undefined): URL | undefined {
  const target = parseHttpUrl(raw);
  return target && core && matchesOwnPattern(target.href, core) ? target : undefined;
}

function matchesOwnPattern(href: string, core: GuardCore): boolean {
  const people = new Set(core.people.map((p) => p.id));
  return core.customPatterns.some((p) => people.has(p.personId) && linkPatternMatches(p.pattern, href));
}

/** The calm page: the day count, a kind word, the site's home one click away, or closing the tab. */
async function mountCalmPage(root: HTMLElement, url: URL, site: SiteId | undefined): Promise<void> {
  document.title = t('calm.title');
  const stored = await browser.storage.local.get([...GUARD_CORE_KEYS]);
  const core = guardCoreFrom(stored);
  const adapter = site ? adapterById(site) : undefined;
  const from = parseHttpUrl(url.searchParams.get('from') ?? '');
  const fromPattern = url.searchParams.get('source') === 'pattern';
  // The home is offered only for the site the page was on, and never when a pattern pauses it too.
  const onSite = from && adapter ? parseTarget(from.href, adapter) : fromPattern ? from : undefined;
  const home = onSite && !(core && matchesOwnPattern(`${onSite.origin}/`, core)) ? `${onSite.origin}/` : undefined;
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const days = core ? daysWithoutContact(core.streak, new Date(), timeZone) : 0;
  render(
    <div class="calm card" data-part="calm">
      <h1 data-part="title">{t('calm.title')}</h1>
      <p data-part="lead">{t('calm.lead')}</p>
      <p class="days" data-part="days">
        {t('interstitial.days', days, [String(days)])}
      </p>
      {home && (
        <p>
          <a href={home} data-part="home">
            {adapter ? t('calm.homeOf', [adapter.label]) : t('calm.home')}
          </a>
        </p>
      )}
      <p data-part="close">{t('calm.close')}</p>
    </div>,
    root,
  );
}
