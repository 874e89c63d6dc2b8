/** Urges let pass (today and in total) and the longest stretch: facts only, no comparison. */
import { t } from '../../utils/copy';

export interface UrgeStatsProps {
  urgesToday: number;
  urgesTotal: number;
  longestStreak: number;
}

export function UrgeStats({ urgesToday, urgesTotal, longestStreak }: UrgeStatsProps) {
  return (
    <section class="stats" aria-labelledby="urges-title" data-testid="urge-stats">
      <h2 id="urges-title">{t('popup.urgesTitle')}</h2>
      <p>
        <span data-testid="urges-today">{t('popup.urgesToday', urgesToday)}</span>
        {' · '}
        <span data-testid="urges-total">{t('popup.urgesTotal', urgesTotal)}</span>
      </p>
      {/* A longest stretch of "0 days" says nothing kind; it appears once there is a day to show. */}
      {longestStreak > 0 && (
        <p class="muted" data-testid="longest-streak">
          {t('popup.longest', longestStreak)}
        </p>
      )}
    </section>
  );
}
