/** Set-up step 2: a goal of 21, 30, 60 or 90 days, or another number. Saved with `goal-set`. */
import { useState } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import { GOAL_CHOICES, parseGoalDays } from '../../utils/ui/popup-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

export interface GoalStepProps {
  initialGoal: number;
  onSave(message: Message): Promise<Reply>;
  onDone(): void;
}

export function GoalStep({ initialGoal, onSave, onDone }: GoalStepProps) {
  const preset = (GOAL_CHOICES as readonly number[]).includes(initialGoal);
  const [choice, setChoice] = useState<string>(preset ? String(initialGoal) : 'custom');
  const [custom, setCustom] = useState(preset ? '' : String(initialGoal));
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const goalDays = choice === 'custom' ? parseGoalDays(custom) : Number(choice);
    if (goalDays === undefined) {
      setError(t('setup.goal.invalid'));
      return;
    }
    const reply = await onSave({ type: 'goal-set', goalDays });
    if (reply.ok) onDone();
    else setError(reply.error);
  };

  return (
    <form class="step" noValidate onSubmit={submit} data-testid="setup-goal">
      <h2 tabIndex={-1}>{t('setup.goal.title')}</h2>
      <fieldset>
        <legend>{t('setup.goal.intro')}</legend>
        {GOAL_CHOICES.map((days) => (
          <label class="choice" key={days}>
            <input
              type="radio"
              name="goal"
              value={String(days)}
              checked={choice === String(days)}
              data-testid={`setup-goal-${days}`}
              onChange={() => setChoice(String(days))}
            />
            {t('common.days', days)}
          </label>
        ))}
        <label class="choice">
          <input
            type="radio"
            name="goal"
            value="custom"
            checked={choice === 'custom'}
            data-testid="setup-goal-custom"
            onChange={() => setChoice('custom')}
          />
          {t('setup.goal.custom')}
        </label>
      </fieldset>
      {choice === 'custom' && (
        <Field
          id="setup-goal-days"
          type="number"
          min="1"
          max="3650"
          label={t('setup.goal.customLabel')}
          value={custom}
          onInput={(value) => {
            setCustom(value);
            setError(undefined);
          }}
          testId="setup-goal-days"
        />
      )}
      {error && (
        <p class="error" role="alert" data-testid="setup-goal-error">
          {error}
        </p>
      )}
      <div class="actions">
        <Button type="submit" variant="primary" testId="setup-next">
          {t('common.next')}
        </Button>
      </div>
    </form>
  );
}
