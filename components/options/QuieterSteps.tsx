/**
 * Under each person: for each site where they have an account, how to make that site quieter too
 * (mute, unfollow, restrict…) and what they can notice. The guard covers this browser; the
 * site's own settings also reach the apps and other devices. Folded away (and not drawn) until asked for.
 */
import type { Person } from '../../utils/data/schema';
import { QUIETER_STEPS } from '../../utils/sites/quieter';
import type { SiteId } from '../../utils/sites/site-ids';
import { t } from '../../utils/copy';
import { Folded } from '../common/Folded';

export interface QuieterStepsProps {
  person: Person;
  siteLabel(site: SiteId): string;
}

export function QuieterSteps({ person, siteLabel }: QuieterStepsProps) {
  const sites = [...new Set(person.accounts.map((account) => account.site))];
  if (sites.length === 0) return null;
  return (
    <Folded class="quieter" testId="quieter" summary={t('quieter.title')}>
      <p class="hint">{t('quieter.intro')}</p>
      {sites.map((site) => (
        <section key={site} data-testid="quieter-site" data-site={site} aria-label={siteLabel(site)}>
          <h4>{siteLabel(site)}</h4>
          <ul>
            {QUIETER_STEPS[site].map((step) => (
              <li key={step.action}>
                {t(`quieter.${site}.${step.action}` as Parameters<typeof t>[0])}{' '}
                <span class="hint">{t(`quieter.notice.${step.notice}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Folded>
  );
}
