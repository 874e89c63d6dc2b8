/**
 * The interstitial's content: the day count, the person's own reason, a breathing pause, "go
 * back" first, "write it down instead", and "continue" only after the friction's pause. It is
 * presentational: it receives everything as props and reports choices through callbacks; the
 * mount (utils/engine/cover.ts) owns the <dialog>, focus and messaging.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Friction } from '../../utils/data/schema';
import type { GuardPrompt } from '../../utils/engine/engine';
import { keyPart, t } from '../../utils/copy';
import { BreathingPause } from './BreathingPause';
import { RideTheWave } from './RideTheWave';
import { afterActivation } from '../../utils/ui/after-activation';

export type InterstitialStep = 'pause' | 'confirm' | 'count' | 'write' | 'wave';

export interface InterstitialProps {
  prompt: GuardPrompt;
  days: number;
  goalDays: number;
  reason?: string;
  insteadIdea?: string;
  /** One of the person's if-then plans, in their words. */
  plan?: { when: string; then: string };
  friction: Friction;
  /** One of the hours the person marked as hard (the friction is already one level firmer). */
  hardHour?: boolean;
  /** Seconds before "continue" is offered (from the friction level). */
  pauseSeconds: number;
  /** An extension page to type into (journal, strict phrase): typing never happens in the site's document. */
  frameUrl(mode: 'journal' | 'phrase'): string;
  /**
   * A typing frame has loaded. The in-page mount hands it the keys typed meanwhile, then focuses
   * it; without this prop the frame is focused at once.
   */
  onTypingFrameLoad?(frame: HTMLIFrameElement): void;
  /** A typing frame is in the dialog (not loaded yet): the keys typed since the press are its keys. */
  onTypingFrameShown?(frame: HTMLIFrameElement): void;
  /** True once the strict phrase was typed correctly in the frame. */
  phraseConfirmed: boolean;
  onBack(): void;
  /** The friend to reach instead: what the link opens (the message filled in where it can be). */
  friend?: { href: string; call: boolean; message?: string };
  /** "Message a friend instead": the link opens (new tab or the system's handler), then the pause ends like "go back". */
  onFriend?(): void;
  /** "Find support": opens the support page in a new tab; the pause stays. */
  onSupport?(): void;
  /** "Quieter on their side too": opens the people in options (each site's mute and unfollow steps). */
  onQuieter?(): void;
  /** "Do my plan": ends the pause like "go back", and says the plan was chosen. */
  onPlan?(): void;
  /** "Let the wave pass" ended ("go back" during or after the timer): like "go back", ridden out. */
  onWave?(): void;
  onDone(countAsContact: boolean): void;
  /** The first step the dialog shows; tests render later steps directly. */
  initialStep?: InterstitialStep;
}

export function Interstitial(props: InterstitialProps) {
  const { prompt, friction } = props;
  const [step, setStep] = useState<InterstitialStep>(props.initialStep ?? 'pause');
  const [secondsLeft, setSecondsLeft] = useState(props.pauseSeconds);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const paused = secondsLeft > 0;
  // Focus follows the person into the typing frame; the frame puts it in its text box.
  const frameRef = useRef<HTMLIFrameElement>(null);
  const focusFrame = () => {
    const frame = frameRef.current;
    if (!frame) return;
    if (props.onTypingFrameLoad) props.onTypingFrameLoad(frame);
    else frame.focus();
  };
  const needsPhrase = friction === 'strict' && !props.phraseConfirmed;
  const writing = step === 'write';
  const phraseShown = step === 'pause' && !paused && needsPhrase;
  // In the same task as the render that added the frame, before any key that follows it.
  useLayoutEffect(() => {
    if (frameRef.current && props.onTypingFrameShown) props.onTypingFrameShown(frameRef.current);
  }, [writing, phraseShown]);
  const finish = () => (prompt.asksToCount ? setStep('count') : props.onDone(false));
  const onContinue = () => (friction === 'firm' ? setStep('confirm') : finish());

  const title =
    step === 'count'
      ? t('interstitial.countTitle')
      : step === 'confirm'
        ? t('interstitial.confirmTitle')
        : step === 'write'
          ? t('interstitial.writeTitle')
          : step === 'wave'
            ? t('interstitial.waveTitle')
          : prompt.neededContact
            ? t('interstitial.neededTitle')
            : t(`interstitial.title.${prompt.subject}`);

  const lead = prompt.neededContact
    ? t('interstitial.neededLead')
    : prompt.subject === 'control' && prompt.action
      ? t(`interstitial.action.${prompt.action}`)
      : t(`interstitial.lead.${prompt.pageKind ?? 'profile'}`);

  const backButton = (
    <button type="button" class="primary" data-action="back" autofocus onClick={props.onBack}>
      {step === 'write' ? t('interstitial.writeDone') : t('interstitial.back')}
    </button>
  );

  return (
    <div class="card">
      <h2 id="ncg-title" data-part="title" tabIndex={-1}>
        {title}
      </h2>
      {step === 'pause' && (
        <div id="ncg-body">
          <p data-part="lead">{lead}</p>
          {props.onSupport && (
            <p class="support">
              <button type="button" class="link" data-part="support" onClick={props.onSupport}>
                {t('support.link')}
              </button>
              {props.onQuieter && (
                <>
                  {' · '}
                  <button type="button" class="link" data-part="quieter" onClick={props.onQuieter}>
                    {t('quieter.title')}
                  </button>
                </>
              )}
            </p>
          )}
          {prompt.contactSignal && (
            <p class="visible" data-part="visible-to-them">
              {t(`interstitial.visible.${keyPart(prompt.contactSignal)}`)}
            </p>
          )}
          <p class="days" data-part="days">
            {t('interstitial.days', props.days, [String(props.days)])}{' '}
            <span class="goal">{t('interstitial.goal', [String(props.goalDays)])}</span>
          </p>
          {props.reason && (
            <figure class="reason" data-part="reason">
              <figcaption>{t('interstitial.reasonIntro')}</figcaption>
              <blockquote>{props.reason}</blockquote>
            </figure>
          )}
          {props.plan && (
            <figure class="plan" data-part="plan">
              <figcaption>{t('interstitial.planIntro')}</figcaption>
              <p>{t('interstitial.plan', [props.plan.when, props.plan.then])}</p>
            </figure>
          )}
          {props.friend?.message && (
            <p class="friend-message" data-part="friend-message">
              <span>{t('interstitial.friendMessageIntro')} </span>
              {props.friend.message}
            </p>
          )}
          {props.hardHour && (
            <p class="hard-hour" data-part="hard-hour">
              {t('interstitial.hardHour')}
            </p>
          )}
          <BreathingPause secondsLeft={secondsLeft} />
          {props.insteadIdea && (
            <p class="instead" data-part="instead">
              <span>{t('interstitial.insteadIntro')}: </span>
              {props.insteadIdea}
            </p>
          )}
          {!paused && needsPhrase && <p data-part="phrase-hint">{t('interstitial.phraseHint')}</p>}
          {!paused && needsPhrase && (
            <iframe
              ref={frameRef}
              class="frame"
              data-part="phrase-frame"
              title={t('pause.phraseLabel')}
              src={props.frameUrl('phrase')}
              onLoad={focusFrame}
            />
          )}
          <div class="actions">
            {backButton}
            {/* Needed contact (children, work, a shared home) is not an urge: no wait, and it never counts. */}
            {prompt.neededContact && (
              <button type="button" data-action="needed" onClick={() => props.onDone(false)}>
                {t('interstitial.neededYes')}
              </button>
            )}
            {props.plan && props.onPlan && (
              <button type="button" data-action="plan" onClick={props.onPlan}>
                {t('interstitial.doPlan')}
              </button>
            )}
            {props.friend && props.onFriend && (
              <a
                class="button"
                data-action="friend"
                href={props.friend.href}
                target="_blank"
                rel="noopener noreferrer"
                // After the click: the link must still be in the document when the browser follows it.
                onClick={() => afterActivation(() => props.onFriend?.())}
              >
                {props.friend.call ? t('interstitial.callFriend') : t('interstitial.messageFriend')}
              </a>
            )}
            {props.onWave && (
              <button type="button" data-action="wave" onClick={() => setStep('wave')}>
                {t('interstitial.wave')}
              </button>
            )}
            <button type="button" data-action="write" onClick={() => setStep('write')}>
              {t('interstitial.write')}
            </button>
            {/* Not there at all until the pause (and the strict phrase) is done: nothing to reach for early. */}
            {!paused && !needsPhrase && (
              <button type="button" class="quiet" data-action="continue" onClick={onContinue}>
                {t('interstitial.continue')}
              </button>
            )}
          </div>
        </div>
      )}
      {step === 'wave' && <RideTheWave onDone={() => (props.onWave ?? props.onBack)()} />}
      {step === 'confirm' && (
        <div id="ncg-body" class="actions">
          {backButton}
          <button type="button" class="quiet" data-action="confirm" onClick={finish}>
            {t('interstitial.confirm')}
          </button>
        </div>
      )}
      {step === 'count' && (
        <div id="ncg-body">
          <p>{t('interstitial.countBody')}</p>
          <div class="actions">
            <button type="button" class="primary" data-action="count-no" autofocus onClick={() => props.onDone(false)}>
              {t('interstitial.countNo')}
            </button>
            <button type="button" data-action="count-yes" onClick={() => props.onDone(true)}>
              {t('interstitial.countYes')}
            </button>
          </div>
        </div>
      )}
      {step === 'write' && (
        <div id="ncg-body">
          <iframe
            ref={frameRef}
            class="frame journal"
            data-part="journal-frame"
            title={t('interstitial.writeTitle')}
            src={props.frameUrl('journal')}
            onLoad={focusFrame}
          />
          <div class="actions">{backButton}</div>
        </div>
      )}
    </div>
  );
}
