/**
 * Hard hours: windows the person picks (late nights, weekends) in which the pause is one level
 * firmer. Like hard days, chosen in a calm moment; adding is immediate, removing waits for the
 * cool-down (it makes the pause gentler in those hours).
 */
import { useState } from 'preact/hooks';
import type { HardHours, PendingChange } from '../../utils/data/schema';
import { formatHour, weekdayNames, type SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { RemoveButton } from './RemoveButton';
import { StatusLine, useAction } from './StatusLine';

export interface HardHoursSectionProps {
  hardHours: readonly HardHours[];
  pending: readonly PendingChange[];
  locale: string;
  send: SendMessage;
}

type Window = Pick<HardHours, 'from' | 'to' | 'days'>;
const LATE_NIGHTS: Window = { from: 22, to: 6, days: [] };
const WEEKENDS: Window = { from: 0, to: 0, days: [0, 6] };
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function HourSelect(props: { id: string; label: string; value: number; locale: string; onChange(hour: number): void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} data-testid={props.id} value={props.value} onChange={(e) => props.onChange(Number(e.currentTarget.value))}>
        {HOURS.map((hour) => (
          <option key={hour} value={hour}>
            {formatHour(hour, props.locale)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function describeHardHours(window: Window, locale: string): string {
  const names = weekdayNames(locale);
  const days = window.days.length === 0 ? t('options.hardHours.everyDay') : window.days.map((day) => names[day]).join(', ');
  if (window.from === window.to) return t('options.hardHours.allDay', [days]);
  return t('options.hardHours.range', [formatHour(window.from, locale), formatHour(window.to, locale), days]);
}

export function HardHoursSection({ hardHours, pending, locale, send }: HardHoursSectionProps) {
  const [from, setFrom] = useState(22);
  const [to, setTo] = useState(6);
  const [days, setDays] = useState<number[]>([]);
  const action = useAction(send);
  const names = weekdayNames(locale, 'long');
  const add = (window: Window) => void action.run({ type: 'hard-hours-added', ...window, days: [...window.days] }, t('options.saved'));
  const waiting = (id: string) => pending.some((change) => change.kind === 'hard-hours-removed' && change.hardHoursId === id);

  return (
    <section id="hard-hours" class="section" aria-labelledby="hard-hours-title">
      <h2 id="hard-hours-title">{t('options.hardHours.title')}</h2>
      <p class="intro">{t('options.hardHours.intro')}</p>
      {hardHours.length === 0 ? (
        <p>{t('options.hardHours.empty')}</p>
      ) : (
        <ul class="rows" data-testid="hard-hours-list">
          {hardHours.map((window) => {
            const text = describeHardHours(window, locale);
            return (
              <li key={window.id} class="row" data-testid="hard-hours-row">
                <span>
                  {text}
                  {waiting(window.id) && <span class="hint"> {t('options.hardHours.removeWaits')}</span>}
                </span>
                <RemoveButton
                  label={t('options.hardHours.remove', [text])}
                  testId="hard-hours-remove"
                  disabled={action.busy || waiting(window.id)}
                  onClick={() => void action.run({ type: 'hard-hours-removal-requested', hardHoursId: window.id })}
                />
              </li>
            );
          })}
        </ul>
      )}
      <div class="actions">
        <Button testId="hard-hours-nights" disabled={action.busy} onClick={() => add(LATE_NIGHTS)}>
          {t('options.hardHours.addNights')}
        </Button>
        <Button testId="hard-hours-weekends" disabled={action.busy} onClick={() => add(WEEKENDS)}>
          {t('options.hardHours.addWeekends')}
        </Button>
      </div>
      <form
        class="inline-form"
        noValidate
        data-testid="hard-hours-form"
        onSubmit={(event) => {
          event.preventDefault();
          add({ from, to, days });
        }}
      >
        <HourSelect id="hard-hours-from" label={t('options.hardHours.from')} value={from} locale={locale} onChange={setFrom} />
        <HourSelect id="hard-hours-to" label={t('options.hardHours.to')} value={to} locale={locale} onChange={setTo} />
        <fieldset class="choices">
          <legend>{t('options.hardHours.days')}</legend>
          {names.map((name, day) => (
            <label key={day} class="choice">
              <input
                type="checkbox"
                checked={days.includes(day)}
                data-testid={`hard-hours-day-${day}`}
                onChange={(e) => setDays(e.currentTarget.checked ? [...days, day] : days.filter((d) => d !== day))}
              />
              {name}
            </label>
          ))}
        </fieldset>
        <Button type="submit" testId="hard-hours-add" disabled={action.busy}>
          {t('options.hardHours.add')}
        </Button>
      </form>
      <StatusLine outcome={action.outcome} />
    </section>
  );
}
