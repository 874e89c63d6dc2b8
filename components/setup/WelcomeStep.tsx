/**
 * The set-up's first step, and the page opened on install: what the guard does and cannot do,
 * that nothing leaves the device, how to pin its button, and "Bring back a copy" for someone
 * restoring a backup (after "Erase everything", or on a new computer). In the popup, where room
 * is short, only the first sentence and "Begin" are shown.
 */
import type { Message, Reply } from '../../utils/data/messages';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { ImportField } from '../common/ImportField';
import { StatusLine, useAction } from '../options/StatusLine';

export interface WelcomeStepProps {
  /** The options page (a whole tab): the full welcome. */
  full: boolean;
  browserName: 'chrome' | 'firefox' | 'other';
  /** Every site the guard knows, as one phrase ("X, Bluesky and Reddit"). */
  siteNames: string;
  onBegin(): void;
  onSave(message: Message): Promise<Reply>;
  /** A copy was brought back: the set-up is over (the copy holds the person's own set-up). */
  onImported(): void;
}

export function WelcomeStep({ full, browserName, siteNames, onBegin, onSave, onImported }: WelcomeStepProps) {
  const importAction = useAction(onSave);
  const onFile = async (json: string | undefined) => {
    if (json === undefined) return importAction.setOutcome({ kind: 'error', text: t('errors.import.truncated') });
    const reply = await importAction.run({ type: 'import-requested', json }, t('options.data.imported'));
    if (reply.ok) onImported();
  };
  return (
    <div class="step" data-testid="setup-welcome">
      <h2 tabIndex={-1}>{t('setup.intro')}</h2>
      {full && (
        <div class="welcome" data-testid="welcome-details">
          <h3>{t('setup.welcome.doesTitle')}</h3>
          <p>{t('setup.welcome.does', [siteNames])}</p>
          <h3>{t('setup.welcome.cannotTitle')}</h3>
          <ul>
            <li>{t('setup.welcome.cannotBrowsers')}</li>
            <li>{t('setup.welcome.cannotApps')}</li>
            <li>{t('setup.welcome.cannotPrivate')}</li>
          </ul>
          <h3>{t('setup.welcome.privateTitle')}</h3>
          <p>{t('setup.welcome.private')}</p>
          <h3>{t('setup.welcome.pinTitle')}</h3>
          <p data-testid="welcome-pin">{browserName === 'firefox' ? t('setup.welcome.pinFirefox') : t('setup.welcome.pinChrome')}</p>
        </div>
      )}
      <div class="actions">
        <Button variant="primary" testId="setup-begin" autoFocus onClick={onBegin}>
          {t('setup.begin')}
        </Button>
      </div>
      {full && (
        <section class="welcome-restore" aria-labelledby="welcome-restore-title">
          <h3 id="welcome-restore-title">{t('setup.welcome.restoreTitle')}</h3>
          <ImportField id="setup-import-file" testId="setup-import-input" busy={importAction.busy} onFile={onFile} />
          <StatusLine outcome={importAction.outcome} testId="setup-import-outcome" />
        </section>
      )}
    </div>
  );
}
