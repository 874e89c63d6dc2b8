/** The person's if-then plans on the options page: the pause shows one, with "Do my plan". */
import { useState } from 'preact/hooks';
import type { Plan } from '../../utils/data/schema';
import type { SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { PlanForm, planSentence, type PlanDraft } from '../plans/PlanForm';
import { RemoveButton } from './RemoveButton';
import { StatusLine, useAction } from './StatusLine';

export interface PlansSectionProps {
  plans: readonly Plan[];
  send: SendMessage;
}

const EMPTY: PlanDraft = { when: '', then: '' };

export function PlansSection({ plans, send }: PlansSectionProps) {
  const [draft, setDraft] = useState<PlanDraft>(EMPTY);
  const action = useAction(send);

  const add = async (plan: PlanDraft) => {
    const reply = await action.run({ type: 'plan-added', when: plan.when.trim(), then: plan.then.trim() });
    if (reply.ok) setDraft(EMPTY);
    return reply;
  };

  return (
    <section id="plans" class="section" aria-labelledby="plans-title">
      <h2 id="plans-title">{t('options.plans.title')}</h2>
      <p class="intro">{t('options.plans.intro')}</p>
      {plans.length === 0 ? (
        <p>{t('options.plans.empty')}</p>
      ) : (
        <ul class="rows" data-testid="plans-list">
          {plans.map((plan) => {
            const sentence = planSentence(plan);
            return (
              <li key={plan.id} class="row" data-testid="plans-row">
                <span class="text">{sentence}</span>
                <RemoveButton
                  label={t('options.plans.remove', [sentence])}
                  testId="plans-remove"
                  disabled={action.busy}
                  onClick={() => void action.run({ type: 'plan-removed', planId: plan.id })}
                />
              </li>
            );
          })}
        </ul>
      )}
      <PlanForm idPrefix="plans" draft={draft} onDraft={setDraft} onAdd={add} busy={action.busy} />
      <StatusLine outcome={action.outcome} />
    </section>
  );
}
