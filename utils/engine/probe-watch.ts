/**
 * A site's own script can learn whom you guard by moving in-app (`pushState`) to many candidate
 * profiles and watching for our cover (issue 17, item 9). No person opens more than a few
 * different people's pages in two seconds; a probe does. From then on, and until the moves stop
 * for a while, every in-app move is covered alike and decided only once the moves have been quiet
 * for `quietMs`: the cover no longer tells one candidate from another, so a probe pays `quietMs` per
 * candidate instead of a microtask. Covering more, never less: the guard loses nothing.
 */

/** More than this many different people's pages within `WINDOW_MS` is faster than a person. */
export const PROBE_DISTINCT_PAGES = 5;
export const PROBE_WINDOW_MS = 2_000;
/** How long the moves must stop before the page in front is decided. */
export const PROBE_QUIET_MS = 1_500;
/** How long probe mode lasts after the last move (a probe that pauses still pays per candidate). */
export const PROBE_HOLD_MS = 30_000;

export interface ProbeWatch {
  /**
   * A same-document move to a page; `who` names the person the address names (none: a page about
   * no one). True when the move comes in a probe: cover it, decide after the quiet.
   */
  onMove(who: string | undefined): boolean;
}

export function createProbeWatch(now: () => number): ProbeWatch {
  let recent: { who: string; at: number }[] = [];
  let probingUntil = -Infinity;
  return {
    onMove(who) {
      const at = now();
      if (who !== undefined) {
        recent = recent.filter((move) => at - move.at < PROBE_WINDOW_MS);
        recent.push({ who, at });
        if (new Set(recent.map((move) => move.who)).size > PROBE_DISTINCT_PAGES) probingUntil = at + PROBE_HOLD_MS;
      }
      if (at >= probingUntil) return false;
      probingUntil = at + PROBE_HOLD_MS;
      return true;
    },
  };
}
