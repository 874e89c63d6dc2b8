/**
 * Set-up step 5: one or more if-then plans for the moment an urge comes. Each is saved as it is
 * added (`plan-added`); a complete plan still in the boxes when "next" is pressed is saved too.
 */
import { useState } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import type { Plan } from '../../utils/data/schema';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { isCompletePlan, isHalfPlan, PlanForm, planSentence, type PlanDraft } from '../plans/PlanForm';

export interface PlansStepProps {
  plans: readonly Plan[];
  onSave(message: Message): Promise<Reply>;
  onDone(): void;
}

const EMPTY: PlanDraft = { when: '', then: '' };

export function PlansStep({ plans, onSave, onDone }: PlansStepProps) {
  const [draft, setDraft] = useState<PlanDraft>(EMPTY);
  const [error, setError] = useState<string | undefined>();

  const add = async (plan: PlanDraft): Promise<Reply> => {
    const reply = await onSave({ type: 'plan-added', when: plan.when.trim(), then: plan.then.trim() });
    if (reply.ok) setDraft(EMPTY);
    else setError(reply.error);
    return reply;
  };

  const next = async () => {
    if (isHalfPlan(draft)) return setError(t('plans.unfinished'));
    if (isCompletePlan(draft) && !(await add(draft)).ok) return;
    onDone();
  };

  return (
    <div class="step" data-testid="setup-plans">
      <h2 tabIndex={-1}>{t('setup.plans.title')}</h2>
      <p class="intro">{t('setup.plans.intro')}</p>
      {plans.length > 0 && (
        <section aria-label={t('plans.listTitle')}>
          <ul class="reasons" data-testid="setup-plans-list">
            {plans.map((plan) => (
              <li key={plan.id}>{planSentence(plan)}</li>
            ))}
          </ul>
        </section>
      )}
      <PlanForm
        idPrefix="setup-plan"
        draft={draft}
        onDraft={(value) => {
          setDraft(value);
          setError(undefined);
        }}
        onAdd={add}
        error={error}
      />
      <div class="actions">
        <Button variant="primary" testId="setup-next" onClick={next}>
          {t('common.next')}
        </Button>
      </div>
    </div>
  );
}
