/**
 * "Find support": helplines shipped with the extension, the person's own country first, an
 * international directory for everyone else, and a line that a professional can help. Never
 * pushy: a page the person opens when they choose to. Presentational: the entrypoint passes the
 * locale and the region.
 */
import type { Helpline } from '../../utils/support/helplines';
import { HELPLINE_DIRECTORY_URL, telHref } from '../../utils/support/helplines';
import { t } from '../../utils/copy';

export interface SupportPageProps {
  helplines: readonly Helpline[];
  /** For the country names (Intl.DisplayNames). */
  locale: string;
}

function countryNames(codes: readonly string[], locale: string): string {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    names = undefined;
  }
  const list = codes.map((code) => names?.of(code) ?? code);
  try {
    return new Intl.ListFormat([locale, 'en'], { type: 'conjunction' }).format(list);
  } catch {
    return list.join(', ');
  }
}

export function SupportPage({ helplines, locale }: SupportPageProps) {
  return (
    <main class="support" data-testid="support">
      <h1>{t('support.title')}</h1>
      <p class="intro">{t('support.intro')}</p>
      <p class="notice" data-testid="support-danger">
        {t('support.danger')}
      </p>
      <h2>{t('support.linesTitle')}</h2>
      <ul class="helplines" data-testid="helplines">
        {helplines.map((line) => (
          <li key={line.name} class="helpline" data-testid="helpline" data-countries={line.countries.join(' ')}>
            <h3>
              <span class="country">{countryNames(line.countries, locale)}</span>
              <span class="name">{line.name}</span>
            </h3>
            <p class="ways">
              <a href={telHref(line.number)} data-testid="helpline-call">
                {t('support.call', [line.number])}
              </a>
              {line.way === 'call-or-text' && (
                <a href={`sms:${telHref(line.number).slice(4)}`} data-testid="helpline-text">
                  {t('support.text', [line.number])}
                </a>
              )}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t('support.elsewhereTitle')}</h2>
      <p>
        {t('support.elsewhere')}{' '}
        <a href={HELPLINE_DIRECTORY_URL} target="_blank" rel="noreferrer" data-testid="helpline-directory">
          {t('support.directory')}
        </a>
      </p>
      <h2>{t('support.professionalTitle')}</h2>
      <p data-testid="support-professional">{t('support.professional')}</p>
    </main>
  );
}
