/**
 * Mounts the pause page for its mode (see entrypoints/pause/main.tsx). Talks to the background
 * only through messages; reads the stored core for the day count and the person's reasons.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Interstitial } from '../../components/interstitial/Interstitial';
import { TextForm } from '../../components/pause/TextForm';
import { PAUSE_SECONDS } from '../data/friction';
import { CoreSchema, STORAGE_KEYS } from '../data/schema';
import { daysWithoutContact } from '../days/day-count';
import { t } from '../copy';
import { adapterById } from '../sites/registry';
import type { PageKind, SiteAdapter } from '../sites/site-adapter';
import { isSiteId } from '../sites/site-ids';
import { send } from './client';

export async function mountPausePage(root: HTMLElement, url: URL): Promise<void> {
  const mode = url.searchParams.get('mode');
  const siteParam = url.searchParams.get('site') ?? '';
  const site = isSiteId(siteParam) ? siteParam : undefined;
  document.body.classList.add(mode === 'page' ? 'page' : 'frame');

  if (mode === 'journal') {
    render(
      <TextForm
        label={t('pause.journalLabel')}
        submitLabel={t('pause.journalSave')}
        multiline
        onSubmit={async (text) => {
          const reply = await send({ type: 'journal-entry-added', text });
          return reply.ok ? { status: t('pause.journalSaved'), clear: true } : { status: reply.error, clear: false };
        }}
      />,
      root,
    );
    return;
  }

  if (mode === 'phrase') {
    render(
      <TextForm
        label={t('pause.phraseLabel')}
        submitLabel={t('interstitial.confirm')}
        multiline={false}
        onSubmit={async (phrase) => {
          const reply = await send({ type: 'strict-phrase-entered', phrase });
          return reply.ok ? { status: t('pause.phraseOk'), clear: true } : { status: t('pause.phraseWrong'), clear: false };
        }}
      />,
      root,
    );
    return;
  }

  // mode=page: the original URL rides in the fragment (see utils/background/registration.ts).
  document.title = t('pause.title');
  const adapter = site ? adapterById(site) : undefined;
  const target = adapter ? parseTarget(url.hash.slice(1), adapter) : undefined;
  const stored = await browser.storage.local.get(STORAGE_KEYS.core);
  const core = CoreSchema.safeParse(stored[STORAGE_KEYS.core]);
  const friction = core.success ? core.data.settings.friction : 'gentle';
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let pageKind: PageKind = 'profile';
  try {
    pageKind = (target && adapter?.parseUrl(target)?.kind) || 'profile';
  } catch {
    // An adapter that throws keeps the default wording (adapters should not throw).
  }
  const contactSignal = adapter?.visibleToThem?.[pageKind];
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'ncg-title');
  dialog.setAttribute('aria-describedby', 'ncg-body ncg-not-sent');
  root.append(dialog);
  const goBack = () => {
    void send({ type: 'urge-resisted', site, what: pageKind });
    if (history.length > 1) history.back();
    else if (target) location.replace(`${target.origin}/`);
  };
  dialog.addEventListener('close', goBack);
  render(
    <>
      <Interstitial
        prompt={{ subject: 'page', pageKind, contactSignal, asksToCount: true }}
        days={core.success ? daysWithoutContact(core.data.streak, new Date(), timeZone) : 0}
        goalDays={core.success ? core.data.streak.goalDays : 30}
        reason={core.success ? core.data.reasons[0]?.text : undefined}
        insteadIdea={core.success ? core.data.insteadIdeas[0]?.text : undefined}
        friction={friction}
        pauseSeconds={PAUSE_SECONDS[friction]}
        frameUrl={(m) => `${browser.runtime.getURL('/pause.html')}?mode=${m}`}
        phraseConfirmed={false}
        onBack={() => dialog.close()}
        onDone={async (countAsContact) => {
          if (!target) return;
          dialog.removeEventListener('close', goBack);
          await send({ type: 'went-through', site, what: pageKind, countAsContact });
          // A one-time allow rule for this tab, then the real load: it reaches the site once.
          const reply = await send({ type: 'page-continue-requested', url: target.href });
          if (reply.ok) location.replace(target.href);
          else dialog.addEventListener('close', goBack);
        }}
      />
      <p id="ncg-not-sent" class="not-sent" data-part="not-sent">
        {t(contactSignal ? 'pause.notSentVisible' : 'pause.notSent')}
      </p>
    </>,
    dialog,
  );
  dialog.showModal();
}

/**
 * The page the redirect stopped, if it is an http(s) address on the site the redirect named.
 * Anything else (a hand-made pause.html link) gets no "continue".
 */
function parseTarget(raw: string, adapter: SiteAdapter): URL | undefined {
  let target: URL;
  try {
    target = new URL(raw);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return undefined;
  const host = target.hostname.toLowerCase();
  return adapter.hosts.some((h) => host === h || host.endsWith(`.${h}`)) ? target : undefined;
}
