/**
 * A private view of when urges come, by hour and by weekday, from the local log. Bars show a
 * shape, never a score: no counts anywhere. The bars are decorative; the same information is
 * given in words (relative: "now and then", "most often") for screen readers and anyone else.
 */
import { barFractions, hourLabel, urgeLevels, weekdayLabel } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';

export interface UrgeChartProps {
  /** 24 values, local hour 0–23. */
  byHour: readonly number[];
  /** 7 values, 0 = Sunday (Date#getDay numbering). */
  byWeekday: readonly number[];
  locale: string;
}

const HOUR_TICKS = [0, 6, 12, 18];

export function UrgeChart({ byHour, byWeekday, locale }: UrgeChartProps) {
  const empty = byHour.every((value) => value <= 0) && byWeekday.every((value) => value <= 0);
  const hourFractions = barFractions(byHour);
  const weekdayFractions = barFractions(byWeekday);
  const hourLevels = urgeLevels(byHour);
  const weekdayLevels = urgeLevels(byWeekday);

  return (
    <section id="urges" class="section" aria-labelledby="urges-title">
      <h2 id="urges-title">{t('options.urges.title')}</h2>
      <p class="intro">{t('options.urges.intro')}</p>
      {empty ? (
        <p data-testid="urges-empty">{t('options.urges.empty')}</p>
      ) : (
        <div data-testid="urge-chart">
          <h3 id="urges-hour-title">{t('options.urges.byHour')}</h3>
          <div class="bars bars-hour" aria-hidden="true">
            {hourFractions.map((fraction, hour) => (
              <span key={hour} class="bar" style={{ '--fill': `${Math.round(fraction * 100)}%` }} />
            ))}
          </div>
          <div class="ticks" aria-hidden="true">
            {HOUR_TICKS.map((hour) => (
              <span key={hour} style={{ '--at': `${(hour / 24) * 100}%` }}>
                {hourLabel(hour, locale)}
              </span>
            ))}
          </div>

          <h3 id="urges-weekday-title">{t('options.urges.byWeekday')}</h3>
          <ul class="bars-weekday" aria-hidden="true">
            {weekdayFractions.map((fraction, weekday) => (
              <li key={weekday}>
                <span class="weekday">{weekdayLabel(weekday, locale)}</span>
                <span class="hbar" style={{ '--fill': `${Math.round(fraction * 100)}%` }} />
              </li>
            ))}
          </ul>

          <details class="in-words">
            <summary>{t('options.urges.textTitle')}</summary>
            <h4>{t('options.urges.byHour')}</h4>
            <ul data-testid="urges-hours-text">
              {hourLevels.map((level, hour) =>
                level === 'none' ? null : (
                  <li key={hour}>{t('options.urges.item', [hourLabel(hour, locale), t(`options.urges.level.${level}`)])}</li>
                ),
              )}
            </ul>
            <h4>{t('options.urges.byWeekday')}</h4>
            <ul data-testid="urges-weekdays-text">
              {weekdayLevels.map((level, weekday) => (
                <li key={weekday}>{t('options.urges.item', [weekdayLabel(weekday, locale), t(`options.urges.level.${level}`)])}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </section>
  );
}
