/**
 * "What works for me": which way each pause ended (went back, their plan, a friend, the wave,
 * writing, going on), by part of the day and week by week, with the change since the first week.
 * Private: from this device's own log, shown only here. Plain tables, so it reads the same to
 * everyone; going on is one of the ways, never a failure.
 */
import { useState } from 'preact/hooks';
import { PARTS_OF_DAY, PAUSE_ENDS, type WhatWorks as WhatWorksModel } from '../../utils/ui/what-works';
import { t } from '../../utils/copy';
import { ShowMore } from '../common/ShowMore';

export interface WhatWorksProps {
  model: WhatWorksModel;
  locale: string;
}

/**
 * The latest weeks drawn at first, and added by each "show earlier weeks": five years of weeks
 * drawn at once were a third of the options page's nodes (issue 17, item 8).
 */
export const WEEKS_PAGE = 12;

export function WhatWorks({ model, locale }: WhatWorksProps) {
  const [shownWeeks, setShownWeeks] = useState(WEEKS_PAGE);
  const used = PAUSE_ENDS.filter((end) => model.ways[end] > 0);
  const first = model.weeks[0];
  const last = model.weeks[model.weeks.length - 1];
  const earlier = Math.max(0, model.weeks.length - shownWeeks);
  // One formatter for every row: making one per row cost more than drawing the rows.
  const weekFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
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
                  {model.weeks.slice(earlier).map((week) => (
                    <tr key={week.start}>
                      <th scope="row">{weekFormat.format(new Date(`${week.start}T12:00:00Z`))}</th>
                      <td>{week.letPass}</td>
                      <td>{week.wentOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {earlier > 0 && <ShowMore testId="what-works-earlier" label={t('options.whatWorks.showEarlier', [String(earlier)])} onMore={() => setShownWeeks(shownWeeks + WEEKS_PAGE)} />}
        </div>
      )}
    </section>
  );
}
