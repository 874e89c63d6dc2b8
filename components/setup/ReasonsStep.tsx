/**
 * Set-up step 4: reasons in the person's own words, one or more. Each is saved as it is added
 * (`reason-added`); text still in the box when "next" is pressed is saved too, so nothing typed is lost.
 */
import { useState } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import type { TextItem } from '../../utils/data/schema';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

export interface ReasonsStepProps {
  reasons: readonly TextItem[];
  onSave(message: Message): Promise<Reply>;
  onDone(): void;
}

export function ReasonsStep({ reasons, onSave, onDone }: ReasonsStepProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  const add = async (): Promise<boolean> => {
    const reason = text.trim();
    if (!reason) return true;
    const reply = await onSave({ type: 'reason-added', text: reason });
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    setText('');
    return true;
  };

  const onAdd = async (event: Event) => {
    event.preventDefault();
    await add();
  };

  const next = async () => {
    if (await add()) onDone();
  };

  return (
    <form class="step" noValidate onSubmit={onAdd} data-testid="setup-reasons">
      <h2 tabIndex={-1}>{t('setup.reasons.title')}</h2>
      <p class="intro">{t('setup.reasons.intro')}</p>
      {reasons.length > 0 && (
        <section aria-label={t('setup.reasons.listTitle')}>
          <ul class="reasons" data-testid="setup-reasons-list">
            {reasons.map((reason) => (
              <li key={reason.id}>{reason.text}</li>
            ))}
          </ul>
        </section>
      )}
      <Field
        id="setup-reason"
        multiline
        label={t('setup.reasons.label')}
        value={text}
        maxLength={500}
        onInput={(value) => {
          setText(value);
          setError(undefined);
        }}
        error={error}
        testId="setup-reason-input"
      />
      <div class="actions">
        <Button type="submit" testId="setup-reason-add" disabled={!text.trim()}>
          {t('setup.reasons.add')}
        </Button>
        <Button variant="primary" testId="setup-next" onClick={next}>
          {t('common.next')}
        </Button>
      </div>
    </form>
  );
}
