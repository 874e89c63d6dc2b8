/**
 * The first-run set-up (popup or options page), driven by keyboard alone: every control is
 * reached with Tab, radios are chosen with Space, buttons and forms answer Enter. Each step can
 * be photographed on the way (`onStep`).
 */
import type { E2ePage } from '../harness/types';
import { tabTo, typeText, waitForTestId } from '../harness/ui-driver';

export type SetupStepName = 'welcome' | 'link' | 'goal' | 'start' | 'reasons' | 'plans' | 'friction' | 'done';

export interface FirstRun {
  profileLink: string;
  name?: string;
  goalDays: 21 | 30 | 60 | 90;
  reason: string;
  /** An if-then plan, typed in its two boxes; none skips the step with "Next". */
  plan?: { when: string; then: string };
}

export class SetupScreen {
  constructor(
    readonly page: E2ePage,
    /** Called once each step is showing (and once more for the recognised link), e.g. for a screenshot. */
    private readonly onStep: (step: string) => Promise<void> = async () => undefined,
  ) {}

  async waitForStep(step: SetupStepName): Promise<void> {
    await this.page.waitFor((s) => document.querySelector(`[data-testid="setup"][data-step="${s}"]`) !== null, step);
    await this.onStep(step);
  }

  /** Tab to a control and press `key` on it. */
  private async activate(testId: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await waitForTestId(this.page, testId);
    await tabTo(this.page, testId);
    await this.page.press(key);
  }

  /** welcome → link (paste, check, confirm) → goal → start now → one reason → a plan → friction as is → finish. */
  async complete(run: FirstRun): Promise<void> {
    await this.waitForStep('welcome');
    await this.activate('setup-begin');

    await this.waitForStep('link');
    await tabTo(this.page, 'setup-link-input');
    await typeText(this.page, run.profileLink);
    await this.page.press('Enter');
    await waitForTestId(this.page, 'setup-link-found');
    await this.onStep('link-found');
    if (run.name) {
      await tabTo(this.page, 'setup-name-input');
      await typeText(this.page, run.name);
    }
    await this.activate('setup-link-confirm');

    await this.waitForStep('goal');
    await this.chooseRadio('goal', `setup-goal-${run.goalDays}`);
    await this.activate('setup-next');

    await this.waitForStep('start');
    await this.chooseRadio('start', 'setup-start-now');
    await this.activate('setup-next');

    await this.waitForStep('reasons');
    await tabTo(this.page, 'setup-reason-input');
    await typeText(this.page, run.reason);
    await this.activate('setup-next');

    await this.waitForStep('plans');
    if (run.plan) {
      await tabTo(this.page, 'setup-plan-when');
      await typeText(this.page, run.plan.when);
      await tabTo(this.page, 'setup-plan-then');
      await typeText(this.page, run.plan.then);
    }
    await this.activate('setup-next');

    await this.waitForStep('friction');
    await this.activate('setup-next');

    await this.waitForStep('done');
    await this.activate('setup-finish');
  }

  /**
   * Tab lands on the checked radio of a group; arrow keys move the choice within it (the
   * keyboard model of native radios), so walk with ArrowDown until `testId` is checked.
   */
  private async chooseRadio(group: string, testId: string): Promise<void> {
    await waitForTestId(this.page, testId);
    await this.page.waitFor((name) => document.querySelector(`input[type="radio"][name="${name}"]`) !== null, group);
    const checkedTestId = () =>
      this.page.evaluate(
        (name) => document.querySelector(`input[type="radio"][name="${name}"]:checked`)?.getAttribute('data-testid') ?? '',
        group,
      );
    const first = (await checkedTestId()) || (await this.page.evaluate(
      (name) => document.querySelector(`input[type="radio"][name="${name}"]`)?.getAttribute('data-testid') ?? '',
      group,
    ));
    await tabTo(this.page, first);
    if (!(await checkedTestId())) await this.page.press('Space');
    for (let moves = 0; moves < 8 && (await checkedTestId()) !== testId; moves++) await this.page.press('ArrowDown');
    if ((await checkedTestId()) !== testId) throw new Error(`${testId} could not be chosen by keyboard`);
  }
}
