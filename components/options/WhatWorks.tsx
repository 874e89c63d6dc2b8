/**
 * "What works for me": which way each pause ended (went back, their plan, a friend, the wave,
 * writing, going on), by part of the day and week by week, with the change since the first week.
 * Private: from this device's own log, shown only here. Plain tables, so it reads the same to
 * everyone; going on is one of the ways, never a failure.
 */
import { PARTS_OF_DAY, PAUSE_ENDS, type WhatWorks as WhatWorksModel } from '../../utils/ui/what-works';
import { t } from '../../utils/copy';

export interface WhatWorksProps {
  model: WhatWorksModel;
  locale: string;
}

function formatWeek(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export function WhatWorks({ model, locale }: WhatWorksProps) {
  const used = PAUSE_ENDS.filter((end) => model.ways[end] > 0);
  const first = model.weeks[0];
  const last = model.weeks[model.weeks.length - 1];
  return (
    <section id="what-works" class="section" aria-labelledby="what-works-title">
      <h2 id="what-works-title">{t('options.whatWorks.title')}</h2>
      <p class="intro">{t('options.whatWorks.intro')}</p>
      {used.length === 0 && model.weeks.length === 0 ? (
        <p data-testid="what-works-empty">{t('options.whatWorks.empty')}</p>
      ) : (
        <div data-testid="what-works">
          {first && last && model.weeks.length > 1 && (
            <p data-testid="what-works-trend">
              {t('options.whatWorks.trend', [
                String(first.letPass),
                String(first.letPass + first.wentOn),
                String(last.letPass),
                String(last.letPass + last.wentOn),
              ])}
            </p>
          )}
          {used.length > 0 && (
            <>
              <h3>{t('options.whatWorks.waysTitle')}</h3>
              <ul data-testid="what-works-ways">
                {used.map((end) => (
                  <li key={end}>{t('options.whatWorks.item', [t(`options.whatWorks.way.${end}`), String(model.ways[end])])}</li>
                ))}
              </ul>
              <div class="table-scroll">
                <table data-testid="what-works-parts">
                  <caption>{t('options.whatWorks.partsTitle')}</caption>
                  <thead>
                    <tr>
                      <td />
                      {used.map((end) => (
                        <th key={end} scope="col">
                          {t(`options.whatWorks.way.${end}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {PARTS_OF_DAY.map((part) => (
                      <tr key={part}>
                        <th scope="row">{t(`options.whatWorks.part.${part}`)}</th>
                        {used.map((end) => (
                          <td key={end}>{model.byPartOfDay[part][end]}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {model.weeks.length > 0 && (
            <div class="table-scroll">
              <table data-testid="what-works-weeks">
                <caption>{t('options.whatWorks.weeksTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('options.whatWorks.weekOf')}</th>
                    <th scope="col">{t('options.whatWorks.letPass')}</th>
                    <th scope="col">{t('options.whatWorks.wentOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {model.weeks.map((week) => (
                    <tr key={week.start}>
                      <th scope="row">{formatWeek(week.start, locale)}</th>
                      <td>{week.letPass}</td>
                      <td>{week.wentOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
