/**
 * The quiet "Find support" link of the popup and the options page: the extension's own support
 * page in a new tab. Always there, never in the way.
 */
import { t } from '../../utils/copy';

export function SupportLink() {
  return (
    <a class="support-link" href="/support.html" target="_blank" rel="noopener" data-testid="find-support">
      {t('support.link')}
    </a>
  );
}
