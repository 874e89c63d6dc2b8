/** "Day N" inside a ring that fills towards the goal, the goal, and the next milestone. */
import { t } from '../../utils/copy';
import { ProgressRing } from '../common/ProgressRing';

export interface DayCountProps {
  days: number;
  goalDays: number;
  fraction: number;
  goalReached: boolean;
  nextMilestone: number | undefined;
}

export function DayCount({ days, goalDays, fraction, goalReached, nextMilestone }: DayCountProps) {
  return (
    <section class="day-count" data-testid="day-count">
      <ProgressRing fraction={fraction} label={t('popup.progressLabel', [String(days), String(goalDays)])} testId="progress-ring">
        {/* "Day 0" in the largest type reads like nothing yet; the first day is named as one. */}
        <span class="day-number" data-testid="day-number" data-days={days}>
          {days === 0 ? t('popup.firstDay') : t('popup.day', [String(days)])}
        </span>
      </ProgressRing>
      <div class="day-text">
        {days === 0 && <p data-testid="day-zero">{t('popup.dayZero')}</p>}
        <p data-testid="goal">{goalReached ? t('popup.goalReached', [String(goalDays)]) : t('popup.goal', [String(goalDays)])}</p>
        {nextMilestone !== undefined && nextMilestone > days && (
          <p class="muted" data-testid="next-milestone">
            {t('popup.nextMilestone', nextMilestone - days)}
          </p>
        )}
      </div>
    </section>
  );
}
