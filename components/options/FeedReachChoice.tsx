/**
 * How far feed hiding reaches, for everyone whose posts are hidden or folded (issue 12, item 7):
 * their own posts only, or also posts that tag or mention them and suggestion cards showing them.
 * One choice for the whole list, stored as `settings.feedReach` (absent: their own posts).
 */
import type { FeedReach } from '../../utils/data/schema';
import type { SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { RadioChoices } from '../common/RadioChoices';
import { StatusLine, useAction } from './StatusLine';

const REACH_CHOICES: readonly FeedReach[] = ['own', 'mentions'];

export interface FeedReachChoiceProps {
  reach: FeedReach;
  send: SendMessage;
}

export function FeedReachChoice({ reach, send }: FeedReachChoiceProps) {
  const action = useAction(send);
  return (
    <fieldset class="choices feed-reach" aria-describedby="feed-reach-hint">
      <legend>{t('options.people.reachTitle')}</legend>
      <p class="hint" id="feed-reach-hint">
        {t('options.people.reachHint')}
      </p>
      <RadioChoices
        name="feed-reach"
        choices={REACH_CHOICES}
        checked={reach}
        labelOf={(choice) => t(`options.people.reach.${choice}`)}
        testIdPrefix="feed-reach"
        disabled={action.busy}
        onChoose={(choice) => void action.run({ type: 'feed-reach-changed', feedReach: choice }, t('options.saved'))}
      />
      <StatusLine outcome={action.outcome} />
    </fieldset>
  );
}
