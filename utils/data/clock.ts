/**
 * The background's one clock: everything that needs "now" in the background takes it from here.
 * There is no way to move it: the shipped build has no test hook (issue "Hardening"). The suites
 * test cool-downs through the stored data instead (tests/e2e/journeys.e2e.ts).
 */
export function now(): Date {
  return new Date();
}
