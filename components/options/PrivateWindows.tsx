/**
 * Whether the guard runs in private windows, and how to allow it in this browser. People may look
 * at a profile in a private window precisely to leave no trace, which is when the pause matters.
 */
import { t } from '../../utils/copy';

export interface PrivateWindowsProps {
  /** From `extension.isAllowedIncognitoAccess()`; undefined while unknown or when it failed. */
  allowed: boolean | undefined;
  browserName: 'chrome' | 'firefox' | 'other';
}

export function PrivateWindows({ allowed, browserName }: PrivateWindowsProps) {
  return (
    <section id="private" class="section" aria-labelledby="private-title" data-testid="private-windows" data-allowed={String(allowed)}>
      <h2 id="private-title">{t('options.private.title')}</h2>
      {allowed === true ? (
        <p>{t('options.private.allowed')}</p>
      ) : (
        <>
          <p>{allowed === false ? t('options.private.notAllowed') : t('options.private.unknown')}</p>
          <ul>
            {browserName !== 'firefox' && <li>{t('options.private.chrome')}</li>}
            {browserName !== 'chrome' && <li>{t('options.private.firefox')}</li>}
          </ul>
        </>
      )}
    </section>
  );
}
