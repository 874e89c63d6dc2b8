/**
 * Changes that make the guard weaker wait for the cool-down. Each one says what will change and
 * when (local time), and can be cancelled until then.
 */
import type { PendingChange, Person } from '../../utils/data/schema';
import { formatLocalDateTime, type SendMessage, type SiteChoice } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { StatusLine, useAction } from './StatusLine';

export interface PendingListProps {
  pending: readonly PendingChange[];
  people: readonly Person[];
  sites: readonly SiteChoice[];
  locale: string;
  timeZone: string;
  send: SendMessage;
}

function describe(
  change: PendingChange,
  people: readonly Person[],
  sites: readonly SiteChoice[],
  formatTime: (iso: string) => string,
): string {
  const personName = (personId: string) => {
    const person = people.find((candidate) => candidate.id === personId);
    return person?.label || t('options.people.unnamed');
  };
  switch (change.kind) {
    case 'friction':
      return t('options.pending.friction', [t(`options.friction.${change.friction}`)]);
    case 'pause-guard':
      return t('options.pending.pauseGuard');
    case 'remove-person':
      return t('options.pending.removePerson', [personName(change.personId)]);
    case 'site-off':
      return t('options.pending.siteOff', [sites.find((site) => site.id === change.site)?.label ?? change.site]);
    case 'cool-down':
      return t('options.pending.coolDown', [t(`options.coolDown.${change.coolDown}`)]);
    case 'feed-hiding':
      return t('options.pending.feedHiding', [personName(change.personId), t(`options.people.feed.${change.feedHiding}`)]);
    case 'pause-until':
      return t('options.pending.pauseUntil', [formatTime(change.until)]);
    case 'contact-needed':
      return t('options.pending.contactNeeded', [personName(change.personId)]);
    case 'hard-hours-removed':
      return t('options.pending.hardHoursRemoved');
  }
}

export function PendingList(props: PendingListProps) {
  const action = useAction(props.send);
  const sorted = [...props.pending].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
  return (
    <section id="pending" class="section" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('options.pending.title')}</h2>
      {sorted.length === 0 ? (
        <p data-testid="pending-empty">{t('options.pending.empty')}</p>
      ) : (
        <>
          <p class="intro">{t('options.pending.intro')}</p>
          <ul class="rows" data-testid="pending-list">
            {sorted.map((change) => (
              <li key={change.id} class="row" data-testid="pending-row" data-kind={change.kind}>
                <span>
                  <span class="text">{describe(change, props.people, props.sites, (iso) => formatLocalDateTime(iso, props.locale, props.timeZone))}</span>
                  <br />
                  <time class="hint" dateTime={change.effectiveAt} data-testid="pending-at">
                    {t('options.pending.at', [formatLocalDateTime(change.effectiveAt, props.locale, props.timeZone)])}
                  </time>
                </span>
                <Button testId="pending-cancel" disabled={action.busy} onClick={() => void action.run({ type: 'pending-change-cancelled', changeId: change.id })}>
                  {t('options.pending.cancel')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <StatusLine outcome={action.outcome} />
    </section>
  );
}
