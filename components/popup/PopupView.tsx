/**
 * The popup's main view: the day count, a quiet milestone, the hard-day line, urges and the
 * longest stretch, "I had contact", "write it down" and the per-site status. Presentational;
 * entrypoints/popup/main.tsx owns the state and the messaging.
 */
import type { Reply } from '../../utils/data/messages';
import type { SiteId } from '../../utils/sites/site-ids';
import type { PopupView as PopupViewModel } from '../../utils/ui/popup-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { SupportLink } from '../support/SupportLink';
import { ContactFlow } from './ContactFlow';
import { DayCount } from './DayCount';
import { MilestoneNote } from './MilestoneNote';
import { PauseForAWhile, type PauseForAWhileProps } from './PauseForAWhile';
import { QuickJournal } from './QuickJournal';
import { SiteStatusList, type SiteStatusRow } from './SiteStatusList';
import { UrgeStats } from './UrgeStats';

export interface PopupViewProps {
  view: PopupViewModel;
  /** The milestones celebrated in this opening (kept after `milestones-seen` is saved). */
  milestones: readonly number[];
  nobodyGuarded: boolean;
  /** A sentence about stored data that could not be used, if any. */
  problem?: string;
  siteRows: readonly SiteStatusRow[];
  privateAllowed: boolean | undefined;
  onDismissMilestones(): void;
  onRecordContact(note: string | undefined): Promise<Reply>;
  onJournal(text: string): Promise<Reply>;
  onGrant(site: SiteId): void;
  onOpenOptions(): void;
  /** "Pause the guard for a while"; absent when nobody is guarded. */
  pause?: PauseForAWhileProps;
}

export function PopupView(props: PopupViewProps) {
  const { view } = props;
  return (
    <main class="popup" data-testid="popup">
      <h1 class="visually-hidden">{t('extName')}</h1>
      {props.problem && (
        <p class="notice" role="alert" data-testid="data-problem">
          {props.problem}
        </p>
      )}
      <DayCount
        days={view.days}
        goalDays={view.goalDays}
        fraction={view.fraction}
        goalReached={view.goalReached}
        nextMilestone={view.nextMilestone}
      />
      {props.milestones.length > 0 && <MilestoneNote milestones={props.milestones} onDismiss={props.onDismissMilestones} />}
      {view.hardDay && (
        <p class="notice hard-day" data-testid="hard-day">
          {t('popup.hardDay')}
        </p>
      )}
      <UrgeStats urgesToday={view.urgesToday} urgesTotal={view.urgesTotal} longestStreak={view.longestStreak} />
      <div class="actions stacked">
        <QuickJournal onSave={props.onJournal} />
        <ContactFlow onRecord={props.onRecordContact} />
      </div>
      {props.nobodyGuarded ? (
        <section class="nobody" data-testid="nobody-guarded">
          <p>{t('popup.nobody')}</p>
          <Button testId="add-someone" onClick={props.onOpenOptions}>
            {t('popup.addSomeone')}
          </Button>
        </section>
      ) : (
        <SiteStatusList rows={props.siteRows} privateAllowed={props.privateAllowed} onGrant={props.onGrant} />
      )}
      {props.pause && <PauseForAWhile {...props.pause} />}
      <footer class="popup-footer">
        <Button variant="quiet" testId="open-options" onClick={props.onOpenOptions}>
          {t('common.openSettings')}
        </Button>
        <SupportLink />
      </footer>
    </main>
  );
}
