/**
 * One if-then plan, written in two parts ("When …" / "I will …"), for the set-up and the options
 * page. If-then plans are among the strongest helps for changing a habit (Gollwitzer and Sheeran
 * 2006, a meta-analysis of 94 tests, d ≈ 0.65). Presentational: `onAdd` sends the message.
 */
import type { Reply } from '../../utils/data/messages';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

export interface PlanDraft {
  when: string;
  then: string;
}

/** A plan half-typed is kept while the person moves on: `onAdd` is called only with both parts. */
export function isCompletePlan(draft: PlanDraft): boolean {
  return draft.when.trim() !== '' && draft.then.trim() !== '';
}

/** One part typed and not the other: moving on would lose it, so the set-up asks to finish it. */
export function isHalfPlan(draft: PlanDraft): boolean {
  return !isCompletePlan(draft) && (draft.when.trim() !== '' || draft.then.trim() !== '');
}

export interface PlanFormProps {
  /** Prefix for ids and test ids, so the form can appear on two pages. */
  idPrefix: string;
  draft: PlanDraft;
  onDraft(draft: PlanDraft): void;
  onAdd(draft: PlanDraft): Promise<Reply>;
  error?: string;
  busy?: boolean;
}

export function PlanForm({ idPrefix, draft, onDraft, onAdd, error, busy }: PlanFormProps) {
  const submit = async (event: Event) => {
    event.preventDefault();
    if (isCompletePlan(draft)) await onAdd(draft);
  };
  return (
    <form class="plan-form" noValidate onSubmit={submit} data-testid={`${idPrefix}-form`}>
      <Field
        id={`${idPrefix}-when`}
        label={t('plans.whenLabel')}
        hint={t('plans.whenHint')}
        value={draft.when}
        maxLength={200}
        onInput={(when) => onDraft({ ...draft, when })}
        testId={`${idPrefix}-when`}
      />
      <Field
        id={`${idPrefix}-then`}
        label={t('plans.thenLabel')}
        hint={t('plans.thenHint')}
        value={draft.then}
        maxLength={300}
        onInput={(then) => onDraft({ ...draft, then })}
        error={error}
        testId={`${idPrefix}-then`}
      />
      <Button type="submit" testId={`${idPrefix}-add`} disabled={busy || !isCompletePlan(draft)}>
        {t('plans.add')}
      </Button>
    </form>
  );
}

/** The plan as one whole sentence, as the pause shows it. */
export function planSentence(plan: PlanDraft): string {
  return t('interstitial.plan', [plan.when.trim(), plan.then.trim()]);
}
