/**
 * A quiet celebration of the milestones reached since the popup was last opened: a calm note,
 * no confetti. The page sends `milestones-seen` when it shows this, so it appears once.
 */
import { t } from '../../utils/copy';
import { Button } from '../common/Button';

export interface MilestoneNoteProps {
  /** Reached milestones in days, smallest first; the largest is named. */
  milestones: readonly number[];
  onDismiss(): void;
}

export function MilestoneNote({ milestones, onDismiss }: MilestoneNoteProps) {
  const largest = milestones[milestones.length - 1];
  if (largest === undefined) return null;
  return (
    <section class="milestone" role="status" data-testid="milestone">
      <h2>{t('popup.milestoneTitle')}</h2>
      <p>{t('popup.milestone', largest)}</p>
      <Button variant="quiet" testId="milestone-dismiss" onClick={onDismiss}>
        {t('popup.milestoneDismiss')}
      </Button>
    </section>
  );
}
