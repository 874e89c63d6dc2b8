/**
 * The whole options page, from props: the stored document, the sites we know, and callbacks for
 * messages and browser effects. The entrypoint (entrypoints/options/main.tsx) owns the state and
 * the messaging, so this renders in a unit test with plain props.
 */
import type { ComponentChildren } from 'preact';
import type { StateSnapshot } from '../../utils/data/messages';
import type { StoredDocument } from '../../utils/data/schema';
import type { SiteId } from '../../utils/sites/site-ids';
import type { PatternAccess, RecognizedLink, SendMessage, SiteChoice } from '../../utils/ui/options-model';
import { keyPart, t } from '../../utils/copy';
import type { StorageSpace } from '../../utils/data/storage-space';
import { DataSection } from './DataSection';
import { FriendSection } from './FriendSection';
import { FrictionSection } from './FrictionSection';
import { HardDaysSection } from './HardDaysSection';
import { HardHoursSection } from './HardHoursSection';
import { JournalSection } from './JournalSection';
import { PendingList } from './PendingList';
import { PlansSection } from './PlansSection';
import { PeopleSection } from './PeopleSection';
import { PrivateWindows } from './PrivateWindows';
import { SitesSection } from './SitesSection';
import { SupportSection } from './SupportSection';
import { TextListSection } from './TextListSection';
import { UrgeChart } from './UrgeChart';
import { WhatWorks } from './WhatWorks';
import type { WhatWorks as WhatWorksModel } from '../../utils/ui/what-works';

export interface OptionsPageProps {
  doc: StoredDocument;
  problem?: StateSnapshot['problem'];
  /** Said first, under the title: for example what was set aside (components/common/KeptAsideNotice.tsx). */
  notice?: ComponentChildren;
  sites: readonly SiteChoice[];
  locale: string;
  timeZone: string;
  recognizeLink(input: string): RecognizedLink;
  normalizeHandle(site: SiteId, raw: string): string | undefined;
  send: SendMessage;
  urges: { byHour: readonly number[]; byWeekday: readonly number[] };
  /** When `doc.journal` holds only the newest entries: how many there are, and how to ask for more. */
  journalOlder?: { total: number; onMore(): void };
  /** Which way pauses ended, from the log ("what works for you"); absent: not shown. */
  whatWorks?: WhatWorksModel;
  privateAllowed: boolean | undefined;
  browserName: 'chrome' | 'firefox' | 'other';
  siteAccess?: Partial<Record<SiteId, boolean>>;
  onGrantAccess?(site: SiteId): void;
  /** Site access for the person's own link patterns. */
  patternAccess?: PatternAccess;
  onDownload(json: string, fileName: string): void;
  /** The browser's estimate of the space used and given, when it gives one (utils/data/storage-space.ts). */
  space?: StorageSpace;
}

const SECTIONS = [
  ['people', 'options.people.title'],
  ['reasons', 'options.reasons.title'],
  ['instead', 'options.instead.title'],
  ['plans', 'options.plans.title'],
  ['friend', 'options.friend.title'],
  ['friction', 'options.friction.title'],
  ['pending', 'options.pending.title'],
  ['sites', 'options.sites.title'],
  ['journal', 'options.journal.title'],
  ['hard-days', 'options.hardDays.title'],
  ['hard-hours', 'options.hardHours.title'],
  ['urges', 'options.urges.title'],
  ['what-works', 'options.whatWorks.title'],
  ['private', 'options.private.title'],
  ['data', 'options.data.title'],
  ['support', 'options.support.title'],
] as const;

/** The packaged privacy policy in the page's language (Spanish or English). */
export const privacyPage = (locale: string) => (locale.toLowerCase().startsWith('es') ? 'privacy.es.html' : 'privacy.html');

export function OptionsPage(props: OptionsPageProps) {
  const { doc, send } = props;
  return (
    <div class="options">
      <header class="page-header">
        <h1>{t('options.title')}</h1>
        {props.notice}
        {props.problem && (
          <div class="notice" role="status" data-testid="problem-notice" data-problem={props.problem}>
            <p>{t(`options.problem.${keyPart(props.problem)}`)}</p>
          </div>
        )}
      </header>
      {/* Beside the sections at desktop widths, above them on a phone (options.css). */}
      <nav class="section-nav" aria-label={t('options.navLabel')}>
        <ul>
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <PeopleSection
          doc={doc}
          sites={props.sites}
          locale={props.locale}
          recognizeLink={props.recognizeLink}
          normalizeHandle={props.normalizeHandle}
          {...(props.patternAccess && { patternAccess: props.patternAccess })}
          send={send}
        />
        <TextListSection kind="reasons" items={doc.reasons} send={send} />
        <TextListSection kind="instead" items={doc.insteadIdeas} send={send} />
        <PlansSection plans={doc.plans} send={send} />
        <FriendSection friend={doc.friend} send={send} />
        <FrictionSection settings={doc.settings} send={send} />
        <PendingList
          pending={doc.settings.pending}
          people={doc.people}
          sites={props.sites}
          locale={props.locale}
          timeZone={props.timeZone}
          send={send}
        />
        <SitesSection
          sites={props.sites}
          settings={doc.settings}
          {...(props.siteAccess && { siteAccess: props.siteAccess })}
          {...(props.onGrantAccess && { onGrantAccess: props.onGrantAccess })}
          send={send}
        />
        <JournalSection entries={doc.journal} {...(props.journalOlder && { older: props.journalOlder })} locale={props.locale} timeZone={props.timeZone} send={send} />
        <HardDaysSection hardDays={doc.hardDays} locale={props.locale} send={send} />
        <HardHoursSection hardHours={doc.hardHours} pending={doc.settings.pending} locale={props.locale} send={send} />
        <UrgeChart byHour={props.urges.byHour} byWeekday={props.urges.byWeekday} locale={props.locale} />
        {props.whatWorks && <WhatWorks model={props.whatWorks} locale={props.locale} />}
        <PrivateWindows allowed={props.privateAllowed} browserName={props.browserName} />
        <DataSection send={send} onDownload={props.onDownload} locale={props.locale} {...(props.space && { space: props.space })} />
        <SupportSection />
      </main>
      <footer class="page-footer">
        {/* The policy ships inside the extension (public/privacy*.html, made from PRIVACY*.md). */}
        <a href={privacyPage(props.locale)} target="_blank" data-testid="privacy-link">
          {t('options.privacyLink')}
        </a>
      </footer>
    </div>
  );
}
