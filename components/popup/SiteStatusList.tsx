/**
 * Per site where someone is guarded: active, site access missing (with a button that asks for it
 * again), or switched off; a note when the site seems to have changed under the guard (its
 * self-check missed repeatedly); and a note when private windows are not covered.
 */
import type { SiteId } from '../../utils/sites/site-ids';
import type { SiteStatus } from '../../utils/ui/popup-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';

export interface SiteStatusRow {
  site: SiteId;
  label: string;
  status: SiteStatus;
  /** The date (already written out for the reader) since which the guard may not see everything there. */
  mayMissSince?: string;
}

export interface SiteStatusListProps {
  rows: readonly SiteStatusRow[];
  /** False when the extension may not run in private windows; undefined while unknown. */
  privateAllowed: boolean | undefined;
  onGrant(site: SiteId): void;
}

const STATUS_TEXT = {
  active: 'popup.siteActive',
  'access-missing': 'popup.siteAccessMissing',
  off: 'popup.siteOff',
} as const satisfies Record<SiteStatus, string>;

export function SiteStatusList({ rows, privateAllowed, onGrant }: SiteStatusListProps) {
  if (rows.length === 0 && privateAllowed !== false) return null;
  return (
    <section class="sites" aria-labelledby="sites-title" data-testid="site-status">
      <h2 id="sites-title">{t('popup.sitesTitle')}</h2>
      <ul>
        {rows.map((row) => (
          <li key={row.site} data-testid={`site-${row.site}`} data-status={row.status}>
            <span class="site-label">{row.label}</span>
            <span class={`site-state ${row.status}`}>{t(STATUS_TEXT[row.status])}</span>
            {row.status === 'access-missing' && (
              <Button variant="primary" testId={`site-grant-${row.site}`} onClick={() => onGrant(row.site)}>
                {t('popup.siteGrant')}
              </Button>
            )}
            {row.mayMissSince !== undefined && (
              <p class="site-note" data-testid={`site-may-miss-${row.site}`}>
                {t('popup.siteMayMiss', [row.label, row.mayMissSince])}
              </p>
            )}
          </li>
        ))}
      </ul>
      {privateAllowed === false && (
        <p class="muted" data-testid="private-note">
          {t('popup.privateNote')}
        </p>
      )}
    </section>
  );
}
