/**
 * The guarded accounts of one site, as the engine asks about them: "is this ref guarded?".
 * Built from the stored core in the content script's own memory; never written to the page.
 */
import type { FeedHiding } from '../data/schema';
import type { GuardCore } from '../data/guard-core';
import type { Action, ContactAccount, Handle, PageRef, SiteId } from '../sites/site-adapter';

export interface GuardMatch {
  personId: string;
  feedHiding: FeedHiding;
  /** Some contact with them is needed: their messages ask "is this needed contact?". */
  contactNeeded?: boolean;
}

export interface GuardIndex {
  /** False when the guard is paused, the site is switched off, or nobody is guarded here. */
  readonly active: boolean;
  /** True when someone on this site has feed hiding on. */
  readonly hidesFeed: boolean;
  /** The accounts of everyone whose posts are hidden from feeds (feed hiding not 'off'). */
  readonly feedHidingAccounts: readonly ContactAccount[];
  match(ref: Pick<PageRef, 'handle' | 'stableId'> | undefined): GuardMatch | undefined;
  /** For an action the site lets the person choose about: the person's choice, else `byDefault`. */
  pauses(action: Action, byDefault: boolean): boolean;
}

export const EMPTY_GUARD_INDEX: GuardIndex = {
  active: false,
  hidesFeed: false,
  feedHidingAccounts: [],
  match: () => undefined,
  pauses: (_action, byDefault) => byDefault,
};

/** What the index reads of the guard's copy (the full core has these fields too). */
type IndexSource = { settings: Pick<GuardCore['settings'], 'paused' | 'sitesOff' | 'choosablePauses'>; people: GuardCore['people'] };

export function buildGuardIndex(core: IndexSource, site: SiteId): GuardIndex {
  if (core.settings.paused || core.settings.sitesOff.includes(site)) return EMPTY_GUARD_INDEX;
  const byHandle = new Map<string, GuardMatch>();
  const byStableId = new Map<string, GuardMatch>();
  const feedHidingAccounts: ContactAccount[] = [];
  for (const person of core.people) {
    const match: GuardMatch = { personId: person.id, feedHiding: person.feedHiding, ...(person.contactNeeded && { contactNeeded: true }) };
    for (const account of person.accounts) {
      if (account.site !== site) continue;
      byHandle.set(account.handle, match);
      if (account.stableId) byStableId.set(account.stableId, match);
      if (person.feedHiding !== 'off') {
        feedHidingAccounts.push({ handle: account.handle as Handle, ...(account.stableId && { stableId: account.stableId }) });
      }
    }
  }
  if (byHandle.size === 0 && byStableId.size === 0) return EMPTY_GUARD_INDEX;
  const hidesFeed = [...byHandle.values(), ...byStableId.values()].some((m) => m.feedHiding !== 'off');
  const choices = core.settings.choosablePauses ?? {};
  return {
    active: true,
    hidesFeed,
    feedHidingAccounts,
    pauses: (action, byDefault) => choices[action] ?? byDefault,
    match(ref) {
      if (!ref) return undefined;
      return (ref.handle && byHandle.get(ref.handle)) || (ref.stableId && byStableId.get(ref.stableId)) || undefined;
    },
  };
}
