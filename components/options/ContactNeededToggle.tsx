/**
 * "Some contact is needed" for one person (children, work, a shared home): their messages then
 * ask "is this needed contact?" and going on never restarts the count. Marking it waits for the
 * cool-down, since it eases the pause; unmarking is immediate.
 */
import type { PendingChange, Person } from '../../utils/data/schema';
import type { SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { StatusLine, useAction } from './StatusLine';

export interface ContactNeededToggleProps {
  person: Person;
  idPrefix: string;
  pending: readonly PendingChange[];
  send: SendMessage;
}

export function ContactNeededToggle({ person, idPrefix, pending, send }: ContactNeededToggleProps) {
  const action = useAction(send);
  const waiting = pending.some((change) => change.kind === 'contact-needed' && change.personId === person.id);
  const id = `${idPrefix}-contact-needed`;
  return (
    <div class="field contact-needed">
      <label for={id} class="choice">
        <input
          id={id}
          type="checkbox"
          checked={person.contactNeeded === true || waiting}
          disabled={action.busy}
          aria-describedby={`${id}-hint`}
          data-testid="contact-needed"
          onChange={(event) => {
            const needed = (event.currentTarget as HTMLInputElement).checked;
            void action.run({ type: 'contact-needed-set', personId: person.id, needed }, t('options.saved'));
          }}
        />
        {t('options.people.contactNeeded')}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {waiting ? t('options.people.contactNeededWaits') : t('options.people.contactNeededHint')}
      </p>
      <StatusLine outcome={action.outcome} />
    </div>
  );
}
