/**
 * Adding an account: paste a link (profile, post or story of a supported site that names the
 * person), or choose the site and type the account name. Used for a new person (with a name
 * field) and for another account of someone already on the list. An unrecognised link gets a
 * sentence that says which sites and which link shapes work.
 */
import { useState } from 'preact/hooks';
import type { Account } from '../../utils/data/schema';
import type { Reply } from '../../utils/data/messages';
import type { SiteId } from '../../utils/sites/site-ids';
import { listText, type RecognizedLink, type SiteChoice } from '../../utils/ui/options-model';
import { keyPart, t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';
import { StatusLine, type Outcome } from './StatusLine';

export interface AccountFormProps {
  /** Unique per form on the page, for element ids. */
  idPrefix: string;
  sites: readonly SiteChoice[];
  locale: string;
  recognizeLink(input: string): RecognizedLink;
  normalizeHandle(site: SiteId, raw: string): string | undefined;
  /** Shows the optional name field (a new person). */
  withName: boolean;
  submitLabel: string;
  onAdd(account: Account, label: string): Promise<Reply>;
  testIdPrefix?: string;
}

export function AccountForm(props: AccountFormProps) {
  const { idPrefix, sites } = props;
  const testId = (name: string) => `${props.testIdPrefix ?? 'add'}-${name}`;
  const [link, setLink] = useState('');
  const [site, setSite] = useState<SiteId | undefined>(sites[0]?.id);
  const [handle, setHandle] = useState('');
  const [name, setName] = useState('');
  const [linkError, setLinkError] = useState<string | undefined>();
  const [handleError, setHandleError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);

  const siteNames = listText(
    sites.map((choice) => choice.label),
    props.locale,
  );
  const labelOf = (id: SiteId) => sites.find((choice) => choice.id === id)?.label ?? id;
  const recognised = link.trim() ? props.recognizeLink(link) : undefined;

  const accountFromInput = (): Account | undefined => {
    if (link.trim()) {
      const result = props.recognizeLink(link);
      if (!result.ok) {
        setLinkError(t(`options.people.${keyPart(result.reason)}`, [siteNames]));
        return undefined;
      }
      return { site: result.site, handle: result.handle, ...(result.stableId !== undefined && { stableId: result.stableId }) };
    }
    if (site === undefined) return undefined;
    const normalized = props.normalizeHandle(site, handle);
    if (normalized === undefined) {
      setHandleError(t('options.people.handleInvalid'));
      return undefined;
    }
    return { site, handle: normalized };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setOutcome(undefined);
    const account = accountFromInput();
    if (!account) return;
    setBusy(true);
    let reply: Reply;
    try {
      reply = await props.onAdd(account, name.trim());
    } catch {
      reply = { ok: false, error: t('errors.unexpected') };
    }
    setBusy(false);
    if (reply.ok) {
      setLink('');
      setHandle('');
      setName('');
      setOutcome({ kind: 'ok', text: t('options.people.added') });
    } else {
      setOutcome({ kind: 'error', text: reply.error });
    }
  };

  const onSiteChange = (event: Event) => {
    setSite((event.currentTarget as HTMLSelectElement).value as SiteId);
    setHandleError(undefined);
  };

  return (
    <form class="account-form" onSubmit={submit} data-testid={testId('form')} noValidate>
      <Field
        id={`${idPrefix}-link`}
        inputMode="url"
        label={t('options.people.linkLabel')}
        hint={t('options.people.linkHint')}
        value={link}
        onInput={(value) => {
          setLink(value);
          setLinkError(undefined);
        }}
        error={linkError}
        testId={testId('link-input')}
      />
      <p class="status" role="status" data-testid={testId('recognised')}>
        {recognised?.ok ? t('options.people.recognised', [recognised.handle, labelOf(recognised.site)]) : ''}
      </p>
      <details class="supported">
        <summary>{t('options.people.supportedTitle')}</summary>
        <p>{t('options.people.supportedIntro')}</p>
        <ul>
          {sites.map((choice) => (
            <li key={choice.id}>
              {choice.label}: <code>{choice.example}</code>
              {choice.numberExample && (
                <p class="hint" data-testid={testId(`number-hint-${choice.id}`)}>
                  {t('options.people.numberHint', [choice.label, choice.numberExample])}
                </p>
              )}
            </li>
          ))}
        </ul>
      </details>

      <fieldset class="manual">
        <legend>{t('options.people.orManual')}</legend>
        <div class="field">
          <label for={`${idPrefix}-site`}>{t('options.people.siteLabel')}</label>
          <select id={`${idPrefix}-site`} value={site} onChange={onSiteChange} data-testid={testId('site-select')}>
            {sites.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          id={`${idPrefix}-handle`}
          label={t('options.people.handleLabel')}
          hint={t('options.people.handleHint')}
          value={handle}
          onInput={(value) => {
            setHandle(value);
            setHandleError(undefined);
          }}
          error={handleError}
          testId={testId('handle-input')}
        />
      </fieldset>

      {props.withName && (
        <Field id={`${idPrefix}-name`} label={t('options.people.nameLabel')} value={name} onInput={setName} maxLength={80} testId={testId('name-input')} />
      )}
      <div class="actions">
        <Button type="submit" variant="primary" testId={testId('submit')} disabled={busy || (!link.trim() && !handle.trim())}>
          {props.submitLabel}
        </Button>
      </div>
      <StatusLine outcome={outcome} testId={testId('outcome')} />
    </form>
  );
}
