/**
 * One person on the list: the name only the person sees, their accounts, how their posts show in
 * feeds, their own link patterns for other sites, and removal (which waits for the cool-down).
 */
import type { CoolDown, CustomPattern, FeedHiding, PendingChange, Person } from '../../utils/data/schema';
import type { SiteId } from '../../utils/sites/site-ids';
import { sameHandleOffers, type PatternAccess, type RecognizedLink, type SendMessage, type SiteChoice } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';
import { Folded } from '../common/Folded';
import { RadioChoices } from '../common/RadioChoices';
import { AccountForm } from './AccountForm';
import { LinkPatterns } from './LinkPatterns';
import { RemoveButton } from './RemoveButton';
import { SameHandleOffers } from './SameHandleOffers';
import { ContactNeededToggle } from './ContactNeededToggle';
import { QuieterSteps } from './QuieterSteps';
import { StatusLine, useAction, useSavedValue } from './StatusLine';

const FEED_CHOICES: readonly FeedHiding[] = ['off', 'hide', 'collapse'];

export interface PersonCardProps {
  person: Person;
  index: number;
  sites: readonly SiteChoice[];
  locale: string;
  patterns: readonly CustomPattern[];
  coolDown: CoolDown;
  pending: readonly PendingChange[];
  recognizeLink(input: string): RecognizedLink;
  normalizeHandle(site: SiteId, raw: string): string | undefined;
  patternAccess?: PatternAccess;
  send: SendMessage;
}

export function PersonCard(props: PersonCardProps) {
  const { person, index, send } = props;
  const idPrefix = `person-${index}`;
  const [name, setName] = useSavedValue(person.label);
  const action = useAction(send);
  const labelOf = (id: SiteId) => props.sites.find((choice) => choice.id === id)?.label ?? id;
  const displayName = person.label || t('options.people.unnamed');
  const removalWaiting = props.pending.some((change) => change.kind === 'remove-person' && change.personId === person.id);

  return (
    <li class="card person" data-testid="person-row">
      <h3 id={`${idPrefix}-title`}>{displayName}</h3>

      <form
        class="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void action.run({ type: 'person-renamed', personId: person.id, label: name.trim() }, t('options.saved'));
        }}
      >
        <Field id={`${idPrefix}-name`} label={t('options.people.nameLabel')} value={name} onInput={setName} maxLength={80} testId="person-name-input" />
        <Button type="submit" testId="person-rename" disabled={action.busy || name.trim() === person.label}>
          {t('options.people.rename')}
        </Button>
      </form>

      <h4>{t('options.people.accountsTitle')}</h4>
      <ul class="rows">
        {person.accounts.map((account) => (
          <li key={`${account.site}:${account.handle}`} class="row" data-testid="account-row">
            <span>
              <span class="site">{labelOf(account.site)}</span> <code>{account.handle}</code>
            </span>
            <RemoveButton
              label={t('options.people.removeAccount', [account.handle, labelOf(account.site)])}
              testId="account-remove"
              disabled={action.busy}
              onClick={() => void action.run({ type: 'account-removed', personId: person.id, account })}
            />
          </li>
        ))}
      </ul>

      <SameHandleOffers
        offers={sameHandleOffers(person.accounts, props.sites, props.normalizeHandle)}
        labelOf={labelOf}
        disabled={action.busy}
        onAdd={(offer) => void action.run({ type: 'account-added', personId: person.id, account: { site: offer.site, handle: offer.handle } })}
      />

      <Folded class="more" summary={t('options.people.addAccountTitle')}>
        <AccountForm
          idPrefix={`${idPrefix}-add`}
          testIdPrefix="add-account"
          sites={props.sites}
          locale={props.locale}
          recognizeLink={props.recognizeLink}
          normalizeHandle={props.normalizeHandle}
          withName={false}
          submitLabel={t('options.people.addAccount')}
          onAdd={(account) => send({ type: 'account-added', personId: person.id, account })}
        />
      </Folded>

      <fieldset class="choices">
        <legend>{t('options.people.feedTitle')}</legend>
        <RadioChoices
          name={`${idPrefix}-feed`}
          choices={FEED_CHOICES}
          checked={person.feedHiding}
          labelOf={(choice) => t(`options.people.feed.${choice}`)}
          testIdPrefix="feed-hiding"
          onChoose={(choice) => void action.run({ type: 'feed-hiding-changed', personId: person.id, feedHiding: choice }, t('options.saved'))}
        />
      </fieldset>

      <ContactNeededToggle person={person} idPrefix={idPrefix} pending={props.pending} send={send} />
      <QuieterSteps person={person} siteLabel={labelOf} />

      <LinkPatterns
        personId={person.id}
        idPrefix={idPrefix}
        patterns={props.patterns}
        {...(props.patternAccess && { access: props.patternAccess })}
        send={send}
      />

      <div class="actions">
        <Button
          variant="quiet"
          testId="person-remove"
          disabled={action.busy || removalWaiting}
          onClick={() => void action.run({ type: 'person-removal-requested', personId: person.id })}
        >
          {t('options.people.remove')}
        </Button>
      </div>
      {props.coolDown !== 'none' && <p class="hint">{t('options.people.removeWaits')}</p>}
      <StatusLine outcome={action.outcome} testId="person-outcome" />
    </li>
  );
}
