/**
 * Where the guard works: one switch per supported site (`site-toggled`; switching off waits for the
 * cool-down), and, where the browser has withdrawn the site's access, a way to allow it again.
 */
import type { Settings } from '../../utils/data/schema';
import type { SiteId } from '../../utils/sites/site-ids';
import type { SendMessage, SiteChoice } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { StatusLine, useAction } from './StatusLine';
import { ChoosablePauses } from './ChoosablePauses';

export interface SitesSectionProps {
  sites: readonly SiteChoice[];
  settings: Settings;
  /** Per site, whether the browser lets the guard run there; missing while unknown. */
  siteAccess?: Partial<Record<SiteId, boolean>>;
  /** Asks the browser for the site's access; must run inside the click (permissions.request). */
  onGrantAccess?(site: SiteId): void;
  send: SendMessage;
}

export function SitesSection({ sites, settings, siteAccess, onGrantAccess, send }: SitesSectionProps) {
  const action = useAction(send);
  return (
    <section id="sites" class="section" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options.sites.title')}</h2>
      <p class="intro">{t('options.sites.intro')}</p>
      <ul class="rows" data-testid="site-list">
        {sites.map((site) => {
          const on = !settings.sitesOff.includes(site.id);
          const waiting = settings.pending.some((change) => change.kind === 'site-off' && change.site === site.id);
          return (
            <li key={site.id} class="row" data-testid="site-row">
              <label class="choice">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={action.busy || (on && waiting)}
                  data-testid={`site-toggle-${site.id}`}
                  onChange={(event) => void action.run({ type: 'site-toggled', site: site.id, on: event.currentTarget.checked })}
                />
                {t('options.sites.toggle', [site.label])}
              </label>
              {on && siteAccess?.[site.id] === false && (
                <span class="access">
                  <span class="hint">{t('options.sites.accessMissing', [site.label])}</span>
                  {onGrantAccess && (
                    <Button testId={`site-grant-${site.id}`} onClick={() => onGrantAccess(site.id)}>
                      {t('options.sites.grant', [site.label])}
                    </Button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <ChoosablePauses sites={sites} settings={settings} busy={action.busy} onChange={(change) => void action.run(change, t('options.saved'))} />
      <StatusLine outcome={action.outcome} />
    </section>
  );
}
