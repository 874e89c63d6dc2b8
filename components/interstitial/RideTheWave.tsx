/**
 * "Let the wave pass": an urge rises, peaks and fades, often within a minute or two; riding it out
 * with a timer instead of acting on it is the idea of urge surfing. A calm countdown (a slow
 * circle, or only text under reduced motion); the end is announced once, not every second.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/copy';

/** Ninety seconds: within the 60–90 seconds the issue asks for, long enough for a wave to crest. */
export const WAVE_SECONDS = 90;

export interface RideTheWaveProps {
  /** Ends the pause like "go back" (counted as an urge let pass, by riding it out). */
  onDone(): void;
}

export function RideTheWave({ onDone }: RideTheWaveProps) {
  const [secondsLeft, setSecondsLeft] = useState(WAVE_SECONDS);
  const back = useRef<HTMLButtonElement>(null);
  // The button that started the timer is gone: focus moves to the one way out, for keyboard users.
  // (A layout effect: in the same task as the render, before a key typed next goes elsewhere.)
  useLayoutEffect(() => back.current?.focus(), []);
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);
  const passed = secondsLeft <= 0;
  return (
    <div id="ncg-body" data-part="wave">
      <p>{t('interstitial.waveIntro')}</p>
      <div class="breathing">
        <div class="circle" aria-hidden="true" />
        {!passed && <p class="countdown" data-part="wave-countdown">{t('interstitial.waveLeft', [String(secondsLeft)])}</p>}
        <p class="ready" aria-live="polite" data-part="wave-done">
          {passed ? t('interstitial.wavePassed') : ''}
        </p>
      </div>
      <div class="actions">
        <button ref={back} type="button" class="primary" data-action="wave-back" onClick={onDone}>
          {passed ? t('interstitial.back') : t('interstitial.waveBackNow')}
        </button>
      </div>
    </div>
  );
}
