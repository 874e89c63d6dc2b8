/**
 * "Pause the guard for a while" in the popup: an hour, or until tomorrow. Quiet (folded away), and
 * like every pause it waits for the cool-down the person chose, which it says. While paused or
 * waiting, one button undoes it. Presentational: the popup sends the messages.
 */
import type { Message, Reply } from '../../utils/data/messages';
import type { GuardPauseState } from '../../utils/ui/popup-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';

export interface PauseForAWhileProps {
  state: GuardPauseState;
  /** True when pausing waits for a cool-down (so the person knows before choosing). */
  waitsForCoolDown: boolean;
  formatTime(iso: string): string;
  onSend(message: Message): Promise<Reply>;
}

export function PauseForAWhile({ state, waitsForCoolDown, formatTime, onSend }: PauseForAWhileProps) {
  if (state.kind === 'paused') {
    return (
      <section class="pause-while" data-testid="pause-while" data-state="paused" aria-labelledby="pause-while-title">
        <h2 id="pause-while-title" class="visually-hidden">{t('popup.pause.title')}</h2>
        <p role="status">{state.until ? t('popup.pause.pausedUntil', [formatTime(state.until)]) : t('popup.pause.paused')}</p>
        <Button testId="pause-resume" onClick={() => void onSend({ type: 'guard-resumed' })}>
          {t('popup.pause.resume')}
        </Button>
      </section>
    );
  }
  if (state.kind === 'waiting') {
    return (
      <section class="pause-while" data-testid="pause-while" data-state="waiting" aria-labelledby="pause-while-title">
        <h2 id="pause-while-title" class="visually-hidden">{t('popup.pause.title')}</h2>
        <p role="status">
          {state.until
            ? t('popup.pause.waitingUntil', [formatTime(state.startsAt), formatTime(state.until)])
            : t('popup.pause.waiting', [formatTime(state.startsAt)])}
        </p>
        <Button testId="pause-cancel" onClick={() => void onSend({ type: 'pending-change-cancelled', changeId: state.changeId })}>
          {t('popup.pause.cancel')}
        </Button>
      </section>
    );
  }
  return (
    <details class="pause-while" data-testid="pause-while" data-state="on">
      <summary data-testid="pause-open">{t('popup.pause.title')}</summary>
      <p class="muted">{waitsForCoolDown ? t('popup.pause.coolDownNote') : t('popup.pause.note')}</p>
      <div class="actions">
        <Button variant="quiet" testId="pause-1h" onClick={() => void onSend({ type: 'guard-short-pause-requested', length: '1h' })}>
          {t('popup.pause.hour')}
        </Button>
        <Button variant="quiet" testId="pause-tomorrow" onClick={() => void onSend({ type: 'guard-short-pause-requested', length: 'tomorrow' })}>
          {t('popup.pause.tomorrow')}
        </Button>
      </div>
    </details>
  );
}
