/**
 * Version 2 → 3. A pure function of the frozen version 2 shape (./v2.ts): version 3 adds the
 * person's own tools for the moment of an urge. Nothing of version 2 changes; the new lists
 * start empty.
 * - `plans`: if-then plans ("When I want to look at their profile, I will text my sister");
 * - `hardHours`: windows (late nights, weekends) in which the pause is one level firmer;
 * - `friend` (optional, absent here), `settings.pausedUntil` and the `pause-until` waiting change
 *   need nothing: they are new and optional.
 */
import type { V3Document } from './v3';
import type { V2Document } from './v2';

export function addUrgeToolkit(v2: V2Document): V3Document {
  return {
    ...structuredClone(v2),
    version: 3,
    plans: [],
    hardHours: [],
  };
}
