/**
 * Version 1 → 2. A pure function of the frozen version 1 shape (./v1.ts):
 * - what someone wrote (journal-entry events with a `text`) moves out of the bounded log into
 *   `journal`, so compacting old events can never drop their words; the event stays, without text;
 * - feed hiding becomes per person: each person gets the old global setting;
 * - settings new in version 2 get their defaults; the one `state` object becomes `core` + `log`
 *   (the split itself is the store's job: this returns the whole document).
 */
import type { V1Document } from './v1';
import type { V2Document } from './v2';

/**
 * Version 1 asked everyone at strict friction to type this one phrase. It becomes the person's own
 * phrase, so strict friction stays strict and nobody is locked out of "continue".
 */
export const V1_STRICT_PHRASE = 'I choose to take care of myself';

export function journalOutOfLog(v1: V1Document): V2Document {
  const journal: V2Document['journal'] = [];
  const recent: V2Document['events']['recent'] = [];
  v1.events.forEach((event, index) => {
    const { text, ...rest } = event;
    if (event.type === 'journal-entry' && text !== undefined) {
      // Ids must be stable so migrating the same data twice gives the same document.
      journal.push({ id: `v1-journal-${index}`, at: event.at, text });
    }
    recent.push(rest);
  });

  // Version 1 did not store which milestones were shown; its milestone events say so, and those
  // since the current start are the ones already celebrated (so none is shown twice).
  const streakStart = Date.parse(v1.streak.startedAt);
  const celebrated = [
    ...new Set(
      v1.events
        .filter((e) => e.type === 'milestone' && e.days !== undefined && e.days >= 1 && Date.parse(e.at) >= streakStart)
        .map((e) => e.days as number),
    ),
  ].sort((a, b) => a - b);

  return {
    version: 2,
    settings: {
      friction: v1.settings.friction,
      strictPhrase: v1.settings.friction === 'strict' ? V1_STRICT_PHRASE : '',
      coolDown: v1.settings.coolDown,
      paused: false,
      sitesOff: [],
      pending: v1.settings.pending.map((change) => ({ ...change })),
      // Someone with version 1 data has already set things up.
      setupDone: true,
    },
    people: v1.people.map((person) => ({
      id: person.id,
      label: person.label,
      accounts: person.accounts.map((account) => ({ site: account.site, handle: account.handle })),
      feedHiding: v1.settings.feedHiding,
      addedAt: person.addedAt,
    })),
    reasons: v1.reasons.map((item) => ({ ...item })),
    insteadIdeas: v1.insteadIdeas.map((item) => ({ ...item })),
    streak: {
      startedAt: v1.streak.startedAt,
      timeZone: v1.streak.timeZone,
      goalDays: v1.streak.goalDays,
      history: v1.streak.history.map((past) => ({ ...past })),
      celebrated,
    },
    hardDays: [],
    customPatterns: [],
    events: { recent, daily: [] },
    journal,
  };
}
