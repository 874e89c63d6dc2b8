/**
 * The first-run set-up, in the popup (compact) and on the options page. The step is controlled
 * by the page, which remembers it (options: the URL fragment; popup: sessionStorage) so the
 * set-up resumes where it was left. Every confirmed answer is saved at once through `onSave`.
 * Presentational: it never calls `browser.*` itself.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import type { Friction, Plan, TextItem } from '../../utils/data/schema';
import type { SiteId } from '../../utils/sites/site-ids';
import { nextSetupStep, previousSetupStep, stepNumber, type SetupStep } from '../../utils/ui/popup-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { FrictionStep } from './FrictionStep';
import { GoalStep } from './GoalStep';
import { LinkStep, type LinkRecognition } from './LinkStep';
import { PlansStep } from './PlansStep';
import { ReasonsStep } from './ReasonsStep';
import { StartStep } from './StartStep';
import { WelcomeStep } from './WelcomeStep';

export interface SetupFlowProps {
  step: SetupStep;
  onStepChange(step: SetupStep): void;
  onSave(message: Message): Promise<Reply>;
  /** Called after `setup-finished` was saved (finished or skipped). */
  onFinished(): void;
  recognizeLink(input: string): LinkRecognition;
  siteLabel(site: SiteId): string;
  /** Every site the guard knows, as one phrase in the page's language ("X, Bluesky and Reddit"). */
  siteNames: string;
  reasons: readonly TextItem[];
  plans: readonly Plan[];
  goalDays: number;
  friction: Friction;
  strictPhrase: string;
  now(): Date;
  timeZone: string;
  /** For the welcome's "pin the button" steps. */
  browserName?: 'chrome' | 'firefox' | 'other';
  /** The popup's version: a "continue in a tab" button opens the options page at this step. */
  onContinueInTab?(): void;
}

export function SetupFlow(props: SetupFlowProps) {
  const { step } = props;
  const root = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Move focus into the new step, so keyboard and screen-reader users land on it: where the step
  // put it itself (the link box's autoFocus, whose label says what the step is), else its heading.
  // A layout effect, in the same task as the step's render: a plain effect ran a frame later, when
  // the first keys typed into the new step had already gone to whatever held focus before (the
  // pressed "Next" or the link box, then pulled away to the heading; seen in the e2e set-up on a
  // loaded machine, 2026-12).
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The step's own layout effects ran first (children before parents).
    if (root.current?.querySelector('.step')?.contains(document.activeElement)) return;
    root.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [step]);

  const next = () => props.onStepChange(nextSetupStep(step));
  const finish = async () => {
    const reply = await props.onSave({ type: 'setup-finished' });
    if (reply.ok) props.onFinished();
  };
  const number = stepNumber(step);

  return (
    <section class="setup" ref={root} data-testid="setup" data-step={step} aria-labelledby="setup-title">
      <header class="setup-header">
        <h1 id="setup-title">{t('setup.title')}</h1>
        {number && (
          <p class="step-number" data-testid="setup-step-number">
            {t('common.stepOf', [String(number.current), String(number.total)])}
          </p>
        )}
      </header>

      {step === 'welcome' && (
        <WelcomeStep
          full={!props.onContinueInTab}
          browserName={props.browserName ?? 'other'}
          siteNames={props.siteNames}
          onBegin={next}
          onSave={props.onSave}
          onImported={props.onFinished}
        />
      )}
      {step === 'link' && (
        <LinkStep recognizeLink={props.recognizeLink} siteLabel={props.siteLabel} onSave={props.onSave} onDone={next} />
      )}
      {step === 'goal' && <GoalStep initialGoal={props.goalDays} onSave={props.onSave} onDone={next} />}
      {step === 'start' && <StartStep now={props.now} timeZone={props.timeZone} onSave={props.onSave} onDone={next} />}
      {step === 'reasons' && <ReasonsStep reasons={props.reasons} onSave={props.onSave} onDone={next} />}
      {step === 'plans' && <PlansStep plans={props.plans} onSave={props.onSave} onDone={next} />}
      {step === 'friction' && (
        <FrictionStep initialFriction={props.friction} initialPhrase={props.strictPhrase} onSave={props.onSave} onDone={next} />
      )}
      {step === 'done' && (
        <div class="step" data-testid="setup-done">
          <h2 tabIndex={-1}>{t('setup.done.title')}</h2>
          <p>{t('setup.done.body')}</p>
          <div class="actions">
            <Button variant="primary" testId="setup-finish" onClick={finish}>
              {t('setup.done.finish')}
            </Button>
          </div>
        </div>
      )}

      {step !== 'done' && (
        <footer class="setup-footer actions">
          {step !== 'welcome' && (
            <Button variant="quiet" testId="setup-back" onClick={() => props.onStepChange(previousSetupStep(step))}>
              {t('common.back')}
            </Button>
          )}
          {step !== 'welcome' && (
            <Button variant="quiet" testId="setup-step-skip" onClick={next}>
              {t('setup.skipStep')}
            </Button>
          )}
          {props.onContinueInTab && (
            <Button variant="quiet" testId="setup-continue-in-tab" onClick={props.onContinueInTab}>
              {t('setup.continueInTab')}
            </Button>
          )}
          <Button variant="quiet" testId="setup-skip" onClick={finish}>
            {t('setup.skip')}
          </Button>
        </footer>
      )}
    </section>
  );
}
