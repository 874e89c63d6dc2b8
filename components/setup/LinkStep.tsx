/**
 * Set-up step 1: paste a profile link, see the site and handle we recognised, optionally name
 * the person, confirm. Confirming saves the person at once (`person-added`).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import type { SiteId } from '../../utils/sites/site-ids';
import { keyPart, t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

/** What utils/sites/recognize.ts answers for a pasted link. */
export type LinkRecognition =
  | { ok: true; site: SiteId; handle: string; stableId?: string; profileUrl: string }
  | { ok: false; reason: 'not-a-link' | 'unsupported-site' | 'no-person' };

export interface LinkStepProps {
  recognizeLink(input: string): LinkRecognition;
  siteLabel(site: SiteId): string;
  onSave(message: Message): Promise<Reply>;
  onDone(): void;
}

export function LinkStep({ recognizeLink, siteLabel, onSave, onDone }: LinkStepProps) {
  const [link, setLink] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<Extract<LinkRecognition, { ok: true }> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const foundHeading = useRef<HTMLHeadingElement>(null);
  // The checked box is gone: focus moves to what was found, so it is read out, not left on <body>.
  useLayoutEffect(() => {
    if (found) foundHeading.current?.focus();
  }, [found]);

  const check = (event: Event) => {
    event.preventDefault();
    const result = recognizeLink(link);
    if (result.ok) {
      setFound(result);
      setError(undefined);
    } else {
      setError(t(`setup.link.${keyPart(result.reason)}`));
    }
  };

  const confirm = async () => {
    if (!found || busy) return;
    setBusy(true);
    const reply = await onSave({
      type: 'person-added',
      label: name.trim(),
      accounts: [found.stableId ? { site: found.site, handle: found.handle, stableId: found.stableId } : { site: found.site, handle: found.handle }],
    });
    setBusy(false);
    if (reply.ok) onDone();
    else setError(reply.error);
  };

  if (!found) {
    return (
      <form class="step" noValidate onSubmit={check} data-testid="setup-link">
        <h2 tabIndex={-1}>{t('setup.link.title')}</h2>
        <Field
          id="setup-link"
          // Not type="url": people paste "x.com/someone" without a scheme, which url validation would refuse.
          inputMode="url"
          label={t('setup.link.label')}
          hint={t('setup.link.hint')}
          value={link}
          onInput={(value) => {
            setLink(value);
            setError(undefined);
          }}
          error={error}
          testId="setup-link-input"
          autoFocus
        />
        <div class="actions">
          <Button type="submit" variant="primary" testId="setup-link-check" disabled={!link.trim()}>
            {t('setup.link.check')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div class="step" data-testid="setup-link-found">
      <h2 tabIndex={-1} ref={foundHeading}>
        {t('setup.link.foundTitle')}
      </h2>
      <dl class="found">
        <dt>{t('setup.link.site')}</dt>
        <dd data-testid="setup-found-site">{siteLabel(found.site)}</dd>
        <dt>{t('setup.link.handle')}</dt>
        <dd data-testid="setup-found-handle">{found.handle}</dd>
      </dl>
      <Field id="setup-name" label={t('setup.link.nameLabel')} value={name} onInput={setName} maxLength={80} testId="setup-name-input" />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <Button variant="primary" testId="setup-link-confirm" disabled={busy} onClick={confirm}>
          {t('setup.link.confirm')}
        </Button>
        <Button testId="setup-link-another" onClick={() => setFound(undefined)}>
          {t('setup.link.another')}
        </Button>
      </div>
    </div>
  );
}
