/**
 * The breathing pause: a slow circle, or under reduced motion only calm text. The per-second
 * countdown is not a live region (it would be read out every second); only "ready" is announced.
 */
import { t } from '../../utils/copy';

export function BreathingPause({ secondsLeft }: { secondsLeft: number }) {
  return (
    <div class="breathing" data-part="pause">
      <div class="circle" aria-hidden="true" />
      <p class="breathe">{t('interstitial.breathe')}</p>
      {secondsLeft > 0 && <p class="countdown">{t('interstitial.wait', secondsLeft, [String(secondsLeft)])}</p>}
      <p class="ready" aria-live="polite">
        {secondsLeft > 0 ? '' : t('interstitial.ready')}
      </p>
    </div>
  );
}
