/**
 * The options page (started by main.tsx with the view already asked for): wiring only. It owns
 * the live state and the messaging, reads what only the
 * browser knows (private-window access, site access, locale, time zone), and renders either the
 * first-run set-up or the settings. Everything it shows lives in components/options and
 * components/setup; the rules live in utils/ui/options-model.ts.
 */
import { render } from 'preact';
import { effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { KeptAsideNotice } from '../../components/common/KeptAsideNotice';
import { SetupFlow } from '../../components/setup/SetupFlow';
import { t } from '../../utils/copy';
import { patternOrigins } from '../../utils/sites/custom-patterns';
import { parseHandleForSite, recognizeProfileLink } from '../../utils/sites/recognize';
import { SITE_ADAPTERS } from '../../utils/sites/registry';
import type { Handle } from '../../utils/sites/site-adapter';
import { SITE_MATCHES, isSiteId, type SiteId } from '../../utils/sites/site-ids';
import { send, type LiveView } from '../../utils/ui/client';
import { JOURNAL_PAGE, listText, safeFileName, showsSetup, showsSetupNow, type PatternAccess, type SiteChoice } from '../../utils/ui/options-model';
import { parseSetupHash, resumeSetupStep, setupAnswers, setupHash } from '../../utils/ui/popup-model';

export function start(root: HTMLElement, live: LiveView) {
  const locale = browser.i18n.getUILanguage();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const browserName = import.meta.env.FIREFOX ? 'firefox' : import.meta.env.BROWSER === 'chrome' ? 'chrome' : 'other';
  const sites: SiteChoice[] = SITE_ADAPTERS.map((adapter) => ({
    id: adapter.id,
    label: adapter.label,
    example: adapter.profileUrl('someone' as Handle),
    ...(adapter.sameHandleAs && isSiteId(adapter.sameHandleAs) && { sameHandleAs: adapter.sameHandleAs }),
    ...(adapter.choosablePauses && { choosablePauses: adapter.choosablePauses }),
    ...(adapter.accountsByNumber && { numberExample: adapter.profileUrl('100000000000000' as Handle) }),
  }));
  const siteLabel = (site: SiteId) => sites.find((choice) => choice.id === site)?.label ?? site;

  document.documentElement.lang = locale;
  document.title = t('options.pageTitle');

  const hash = signal(location.hash);
  const privateAllowed = signal<boolean | undefined>(undefined);
  const siteAccess = signal<Partial<Record<SiteId, boolean>>>({});

  window.addEventListener('hashchange', () => (hash.value = location.hash));
  browser.extension
    .isAllowedIncognitoAccess()
    .then((allowed) => (privateAllowed.value = allowed))
    .catch(() => (privateAllowed.value = undefined));

  const checkSiteAccess = async () => {
    const entries = await Promise.all(
      sites.map(async (site) => {
        try {
          return [site.id, await browser.permissions.contains({ origins: [...SITE_MATCHES[site.id]] })] as const;
        } catch {
          return [site.id, true] as const;
        }
      }),
    );
    siteAccess.value = Object.fromEntries(entries);
  };
  void checkSiteAccess();

  // The person's own link patterns: whether each one's site is open to the extension, by pattern.
  const patternAccessState = signal<Record<string, boolean>>({});
  const checkPatternAccess = async () => {
    const patterns = [...new Set((live.view.peek()?.doc.customPatterns ?? []).map((p) => p.pattern))];
    const entries = await Promise.all(
      patterns.map(async (pattern) => {
        const origins = patternOrigins(pattern);
        try {
          return [pattern, origins.length > 0 && (await browser.permissions.contains({ origins }))] as const;
        } catch {
          return [pattern, false] as const;
        }
      }),
    );
    patternAccessState.value = Object.fromEntries(entries);
  };
  effect(() => {
    // Re-checked whenever the stored patterns change.
    void live.view.value?.doc.customPatterns;
    void checkPatternAccess();
  });
  const patternAccess: PatternAccess = {
    granted: (pattern) => patternAccessState.value[pattern],
    request: async (pattern) => {
      const granted = await browser.permissions.request({ origins: patternOrigins(pattern) });
      await checkPatternAccess();
      return granted;
    },
  };

  // Firefox lets the person withdraw a site's access at any time (platform.md §3).
  browser.permissions.onAdded.addListener(() => void checkSiteAccess().then(checkPatternAccess));
  browser.permissions.onRemoved.addListener(() => void checkSiteAccess().then(checkPatternAccess));

  // permissions.request must run in the click handler, before any await (platform.md §3).
  const grantAccess = (site: SiteId) => {
    browser.permissions
      .request({ origins: [...SITE_MATCHES[site]] })
      .then(() => checkSiteAccess())
      .catch(() => undefined);
  };

  const download = (json: string, fileName: string) => {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = safeFileName(fileName);
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in Firefox; a minute is plenty for it to start.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const saveKeptAside = () => {
    void send({ type: 'kept-aside-export-requested' }).then((reply) => {
      const file = reply.ok ? (reply.data as { json: string; fileName: string }) : undefined;
      if (file) download(file.json, file.fileName);
    });
  };

  // Decided with the first state this page sees, and over once the set-up is left (see showsSetupNow).
  let openedInSetup: boolean | undefined;

  const leaveSetup = () => {
    openedInSetup = false;
    history.replaceState(null, '', location.pathname + location.search);
    hash.value = '';
  };

  function App() {
    const snapshot = live.view.value;
    if (!snapshot) {
      return (
        <main>
          <p class="loading" role="status">
            {t('options.loading')}
          </p>
        </main>
      );
    }
    const { doc } = snapshot;
    // Said first, above the set-up too: a damaged store must never look like a fresh start.
    const keptAside = snapshot.problem === 'quarantined' && snapshot.keptAside && (
      <KeptAsideNotice keptAside={snapshot.keptAside} locale={locale} onSave={saveKeptAside} />
    );
    openedInSetup ??= showsSetup(doc, hash.value);
    if (showsSetupNow(doc, hash.value, openedInSetup)) {
      return (
        <main class="setup-page">
          {keptAside}
          <SetupFlow
            step={parseSetupHash(hash.value) ?? resumeSetupStep(null, doc)}
            onStepChange={(step) => (location.hash = setupHash(step))}
            onSave={send}
            onFinished={leaveSetup}
            recognizeLink={recognizeProfileLink}
            siteLabel={siteLabel}
            siteNames={listText(SITE_ADAPTERS.map((adapter) => adapter.label), locale)}
            {...setupAnswers(doc)}
            now={() => new Date()}
            timeZone={timeZone}
            browserName={browserName}
          />
        </main>
      );
    }
    return (
      <OptionsPage
        doc={doc}
        {...(snapshot.problem === 'newer-version' && { problem: snapshot.problem })}
        notice={keptAside || undefined}
        sites={sites}
        locale={locale}
        timeZone={timeZone}
        recognizeLink={recognizeProfileLink}
        normalizeHandle={parseHandleForSite}
        send={send}
        urges={snapshot.figures.urges}
        whatWorks={snapshot.figures.whatWorks}
        journalOlder={{ total: snapshot.journalCount, onMore: () => void live.showJournal(doc.journal.length + JOURNAL_PAGE) }}
        privateAllowed={privateAllowed.value}
        browserName={browserName}
        siteAccess={siteAccess.value}
        onGrantAccess={grantAccess}
        patternAccess={patternAccess}
        onDownload={download}
        {...(snapshot.space && { space: snapshot.space })}
      />
    );
  }

  render(<App />, root);
  live.markFirstDrawn();
}
