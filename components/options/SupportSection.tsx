/** The options page's quiet way to support: one sentence and the "Find support" link. */
import { t } from '../../utils/copy';
import { SupportLink } from '../support/SupportLink';

export function SupportSection() {
  return (
    <section id="support" class="section" aria-labelledby="support-title">
      <h2 id="support-title">{t('options.support.title')}</h2>
      <p class="intro">
        {t('options.support.intro')} <SupportLink />
      </p>
    </section>
  );
}
