/** Dates that may be hard every year (month and day, with an optional label). */
import { useState } from 'preact/hooks';
import type { HardDay } from '../../utils/data/schema';
import { formatMonthDay, monthNames, parseMonthDay, type SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';
import { RemoveButton } from './RemoveButton';
import { StatusLine, useAction } from './StatusLine';

export interface HardDaysSectionProps {
  hardDays: readonly HardDay[];
  locale: string;
  send: SendMessage;
}

export function HardDaysSection({ hardDays, locale, send }: HardDaysSectionProps) {
  const [month, setMonth] = useState(1);
  const [day, setDay] = useState('');
  const [label, setLabel] = useState('');
  const [dayError, setDayError] = useState<string | undefined>();
  const action = useAction(send);
  const sorted = [...hardDays].sort((a, b) => a.monthDay.localeCompare(b.monthDay));

  const add = async (event: Event) => {
    event.preventDefault();
    const monthDay = parseMonthDay(month, Number(day));
    if (monthDay === undefined) {
      setDayError(t('options.hardDays.invalid'));
      return;
    }
    const reply = await action.run({ type: 'hard-day-added', monthDay, label: label.trim() });
    if (reply.ok) {
      setDay('');
      setLabel('');
    }
  };

  return (
    <section id="hard-days" class="section" aria-labelledby="hard-days-title">
      <h2 id="hard-days-title">{t('options.hardDays.title')}</h2>
      <p class="intro">{t('options.hardDays.intro')}</p>
      {sorted.length === 0 ? (
        <p>{t('options.hardDays.empty')}</p>
      ) : (
        <ul class="rows" data-testid="hard-day-list">
          {sorted.map((hardDay) => {
            const when = formatMonthDay(hardDay.monthDay, locale);
            const text = hardDay.label ? t('options.hardDays.item', [when, hardDay.label]) : when;
            return (
              <li key={hardDay.id} class="row" data-testid="hard-day-row">
                <span>{text}</span>
                <RemoveButton
                  label={t('options.hardDays.remove', [text])}
                  testId="hard-day-remove"
                  disabled={action.busy}
                  onClick={() => void action.run({ type: 'hard-day-removed', hardDayId: hardDay.id })}
                />
              </li>
            );
          })}
        </ul>
      )}
      <form class="hard-day-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="hard-day-month">{t('options.hardDays.month')}</label>
          <select
            id="hard-day-month"
            value={String(month)}
            data-testid="hard-day-month"
            onChange={(event: Event) => {
              setMonth(Number((event.currentTarget as HTMLSelectElement).value));
              setDayError(undefined);
            }}
          >
            {monthNames(locale).map((name, index) => (
              <option key={name} value={String(index + 1)}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="hard-day-day"
          type="number"
          min="1"
          max="31"
          label={t('options.hardDays.day')}
          value={day}
          onInput={(value) => {
            setDay(value);
            setDayError(undefined);
          }}
          error={dayError}
          testId="hard-day-day"
        />
        <Field id="hard-day-label" label={t('options.hardDays.label')} value={label} onInput={setLabel} maxLength={80} testId="hard-day-label" />
        <div class="actions">
          <Button type="submit" testId="hard-day-add" disabled={action.busy || !day}>
            {t('options.hardDays.add')}
          </Button>
        </div>
      </form>
      <StatusLine outcome={action.outcome} />
    </section>
  );
}
