/**
 * The background's one clock. Everything that needs "now" in the background takes it from here,
 * so the end-to-end suites can move time forward (cool-downs, day counts) instead of sleeping.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Moves the clock by `ms` more (added to any earlier move). */
export function setClockOffset(ms: number): void {
  offsetMs += ms;
}
