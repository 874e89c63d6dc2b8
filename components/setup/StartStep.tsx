/**
 * Set-up step 3: the count starts now, or at the start of an earlier local day. Saved with
 * `streak-start-set`, with the zone it was chosen in.
 */
import { useState } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import { localDateToday, parseStartDate } from '../../utils/ui/popup-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

export interface StartStepProps {
  now(): Date;
  timeZone: string;
  onSave(message: Message): Promise<Reply>;
  onDone(): void;
}

export function StartStep({ now, timeZone, onSave, onDone }: StartStepProps) {
  const [when, setWhen] = useState<'now' | 'earlier'>('now');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const at = now();
    let startedAt = at.toISOString();
    if (when === 'earlier') {
      const parsed = parseStartDate(date, at, timeZone);
      if (!parsed.ok) {
        setError(t(`setup.start.${parsed.reason}`));
        return;
      }
      startedAt = parsed.startedAt;
    }
    const reply = await onSave({ type: 'streak-start-set', startedAt, timeZone });
    if (reply.ok) onDone();
    else setError(reply.error);
  };

  return (
    <form class="step" noValidate onSubmit={submit} data-testid="setup-start">
      <h2 tabIndex={-1}>{t('setup.start.title')}</h2>
      <fieldset>
        <legend class="visually-hidden">{t('setup.start.title')}</legend>
        <label class="choice">
          <input type="radio" name="start" checked={when === 'now'} data-testid="setup-start-now" onChange={() => setWhen('now')} />
          {t('setup.start.now')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="start"
            checked={when === 'earlier'}
            data-testid="setup-start-earlier"
            onChange={() => setWhen('earlier')}
          />
          {t('setup.start.earlier')}
        </label>
      </fieldset>
      {when === 'earlier' && (
        <Field
          id="setup-start-date"
          type="date"
          label={t('setup.start.dateLabel')}
          max={localDateToday(now(), timeZone)}
          value={date}
          onInput={(value) => {
            setDate(value);
            setError(undefined);
          }}
          error={error}
          testId="setup-start-date"
        />
      )}
      {when === 'now' && error && (
        <p class="error" role="alert">
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
