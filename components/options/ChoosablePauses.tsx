/**
 * Pauses the person chooses (`choosable-pause-set`): actions a site declares choosable because the
 * other person is not told about them (an anonymous vote). One switch per action, naming the sites
 * that have it, with its default when the person has not chosen, and a kind word on why.
 */
import type { Settings } from '../../utils/data/schema';
import type { Message } from '../../utils/data/messages';
import type { Action } from '../../utils/sites/site-adapter';
import type { SiteChoice } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';

export interface ChoosablePausesProps {
  sites: readonly SiteChoice[];
  settings: Settings;
  busy: boolean;
  onChange(message: Message): void;
}

/** The words of each choosable action; an action without words here is not offered. */
const COPY = {
  vote: { toggle: 'options.sites.choosable.vote.toggle', why: 'options.sites.choosable.vote.why' },
} as const satisfies Partial<Record<Action, { toggle: string; why: string }>>;

type WordedAction = keyof typeof COPY;

export function ChoosablePauses({ sites, settings, busy, onChange }: ChoosablePausesProps) {
  const actions = new Map<WordedAction, { byDefault: boolean; labels: string[] }>();
  for (const site of sites) {
    if (settings.sitesOff.includes(site.id)) continue;
    for (const [action, byDefault] of Object.entries(site.choosablePauses ?? {}) as [Action, boolean][]) {
      if (!(action in COPY)) continue;
      const entry = actions.get(action as WordedAction) ?? { byDefault, labels: [] };
      entry.labels.push(site.label);
      actions.set(action as WordedAction, entry);
    }
  }
  if (actions.size === 0) return null;
  return (
    <ul class="rows" data-testid="choosable-pauses">
      {[...actions].map(([action, { byDefault, labels }]) => {
        const paused = settings.choosablePauses?.[action] ?? byDefault;
        const whyId = `choosable-${action}-why`;
        return (
          <li key={action} class="row">
            <label class="choice">
              <input
                type="checkbox"
                checked={paused}
                disabled={busy}
                aria-describedby={whyId}
                data-testid={`choosable-pause-${action}`}
                onChange={(event) => onChange({ type: 'choosable-pause-set', action, paused: event.currentTarget.checked })}
              />
              {t(COPY[action].toggle, [labels.join(', ')])}
            </label>
            <p class="hint" id={whyId}>
              {t(COPY[action].why)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
