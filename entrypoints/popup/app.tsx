/**
 * The popup (started by main.tsx with the view already asked for): reads the state from the
 * background (utils/ui/client.ts), renders either the
 * first-run set-up or the day count, and turns the components' callbacks into messages and
 * browser calls. It never writes storage.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/popup/PopupView';
import type { SiteStatusRow } from '../../components/popup/SiteStatusList';
import { KeptAsideNotice } from '../../components/common/KeptAsideNotice';
import { SetupFlow } from '../../components/setup/SetupFlow';
import type { StoredDocument } from '../../utils/data/schema';
import { t } from '../../utils/copy';
import { recognizeProfileLink } from '../../utils/sites/recognize';
import { SITE_ADAPTERS } from '../../utils/sites/registry';
import { listText } from '../../utils/ui/options-model';
import { SITE_MATCHES, type SiteId } from '../../utils/sites/site-ids';
import { send, type LiveView } from '../../utils/ui/client';
import { mayMissSince, parseSiteChecks, SITE_CHECKS_KEY } from '../../utils/data/site-checks';
import {
  formatPauseTime,
  formatSinceDay,
  guardPauseState,
  guardedSites,
  needsSetup,
  popupView,
  resumeSetupStep,
  setupAnswers,
  setupHash,
  siteStatus,
  type SetupStep,
} from '../../utils/ui/popup-model';

/** sessionStorage key of the set-up step (UI state only; the answers are saved by the background). */
const SETUP_STEP_KEY = 'setup-step';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const siteLabel = (site: SiteId) => SITE_ADAPTERS.find((adapter) => adapter.id === site)?.label ?? site;
const originsOf = (site: SiteId) => ({ origins: [...SITE_MATCHES[site]] });

function openOptions(hash = '') {
  // The options page may be opened at a fragment (#setup/goal); openOptionsPage cannot pass one.
  const base = browser.runtime.getURL('/');
  void browser.tabs.create({ url: `${base}options.html${hash}` }).then(() => window.close());
}

async function siteRows(doc: StoredDocument): Promise<SiteStatusRow[]> {
  const sites = guardedSites(
    doc,
    SITE_ADAPTERS.map((adapter) => adapter.id),
  );
  // The guard's self-check, kept under its own key by the background (utils/data/site-checks.ts).
  const checks = parseSiteChecks((await browser.storage.local.get(SITE_CHECKS_KEY).catch((): Record<string, unknown> => ({})))[SITE_CHECKS_KEY]);
  return Promise.all(
    sites.map(async (site) => {
      const hasAccess = await browser.permissions.contains(originsOf(site)).catch(() => false);
      const since = mayMissSince(checks, site);
      return {
        site,
        label: siteLabel(site),
        status: siteStatus(doc.settings.sitesOff.includes(site), hasAccess),
        ...(since && { mayMissSince: formatSinceDay(since, browser.i18n.getUILanguage(), timeZone()) }),
      };
    }),
  );
}

function PopupApp({ live }: { live: LiveView }) {
  const snapshot = live.view.value;
  const doc = snapshot?.doc;
  const [setupStep, setSetupStep] = useState<SetupStep | undefined>();
  const [milestones, setMilestones] = useState<number[]>([]);
  const [rows, setRows] = useState<SiteStatusRow[]>([]);
  const [privateAllowed, setPrivateAllowed] = useState<boolean | undefined>();
  const milestonesChecked = useRef(false);

  // Site access can be withdrawn at any time (Firefox: per site): re-check on every change.
  useEffect(() => {
    if (!doc) return;
    const update = () => void siteRows(doc).then(setRows);
    update();
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SITE_CHECKS_KEY in changes) update();
    };
    browser.permissions.onAdded.addListener(update);
    browser.permissions.onRemoved.addListener(update);
    browser.storage.onChanged.addListener(onStorage);
    return () => {
      browser.permissions.onAdded.removeListener(update);
      browser.permissions.onRemoved.removeListener(update);
      browser.storage.onChanged.removeListener(onStorage);
    };
  }, [doc]);

  useEffect(() => {
    void browser.extension
      .isAllowedIncognitoAccess()
      .then(setPrivateAllowed)
      .catch(() => setPrivateAllowed(undefined));
  }, []);

  // Milestones are celebrated once: the first time the popup opens after one is reached.
  useEffect(() => {
    if (!doc || milestonesChecked.current || needsSetup(doc)) return;
    milestonesChecked.current = true;
    const reached = popupView(doc, new Date(), timeZone(), snapshot.figures).toCelebrate;
    if (reached.length === 0) return;
    setMilestones(reached);
    void send({ type: 'milestones-seen', days: reached });
  }, [doc]);

  if (!doc) return <p class="loading">{t('common.loading')}</p>;

  if (snapshot.problem === 'newer-version') {
    return (
      <main class="popup">
        <p class="notice" role="alert" data-testid="data-problem">
          {t('errors.store.newerVersion')}
        </p>
      </main>
    );
  }

  if (needsSetup(doc)) {
    const step = setupStep ?? resumeSetupStep(sessionStorage.getItem(SETUP_STEP_KEY), doc);
    const changeStep = (next: SetupStep) => {
      sessionStorage.setItem(SETUP_STEP_KEY, next);
      setSetupStep(next);
    };
    return (
      <main class="popup compact">
        {snapshot.problem === 'quarantined' && snapshot.keptAside && (
          // Before the set-up: damaged data must never look like a fresh start.
          <KeptAsideNotice keptAside={snapshot.keptAside} locale={navigator.language} onOpenSettings={() => openOptions('')} />
        )}
        <SetupFlow
          step={step}
          onStepChange={changeStep}
          onSave={send}
          onFinished={() => sessionStorage.removeItem(SETUP_STEP_KEY)}
          recognizeLink={recognizeProfileLink}
          siteLabel={siteLabel}
          siteNames={listText(SITE_ADAPTERS.map((adapter) => adapter.label), navigator.language)}
          {...setupAnswers(doc)}
          now={() => new Date()}
          timeZone={timeZone()}
          onContinueInTab={() => openOptions(setupHash(step))}
        />
      </main>
    );
  }

  return (
    <PopupView
      view={popupView(doc, new Date(), timeZone(), snapshot.figures)}
      milestones={milestones}
      nobodyGuarded={doc.people.length === 0}
      problem={snapshot.problem === 'quarantined' ? t('popup.quarantined') : undefined}
      siteRows={rows}
      privateAllowed={privateAllowed}
      onDismissMilestones={() => setMilestones([])}
      onRecordContact={(note) => send(note ? { type: 'contact-recorded', note } : { type: 'contact-recorded' })}
      onJournal={(text) => send({ type: 'journal-entry-added', text })}
      onGrant={(site) => {
        // permissions.request must run inside the click, before any await (MDN permissions.request).
        void browser.permissions
          .request(originsOf(site))
          .then(() => siteRows(doc))
          .then(setRows);
      }}
      onOpenOptions={() => openOptions()}
      {...(doc.people.length > 0 && {
        pause: {
          state: guardPauseState(doc),
          waitsForCoolDown: doc.settings.coolDown !== 'none',
          formatTime: (iso: string) => formatPauseTime(iso, new Date(), browser.i18n.getUILanguage(), timeZone()),
          onSend: send,
        },
      })}
    />
  );
}

export function start(root: HTMLElement, live: LiveView) {
  // The language the messages are in (a locale we lack falls back to English), for screen readers.
  document.documentElement.lang = t('common.lang');
  render(<PopupApp live={live} />, root);
  live.markFirstDrawn();
}
