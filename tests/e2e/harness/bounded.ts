/**
 * A driver call that never settles holds its test until vitest's 90 s timeout, and the test's
 * `finally` (its clean-up: a friend or a plan removed) never runs, so the tests after it start
 * from the wrong state (seen once in CI, 2026-12-01: "Message a friend instead" opened its tab
 * and one call after it never answered). Every call the tests lean on ends within a bound, and
 * the error names the call.
 */
export function bounded<R>(label: string, ms: number, work: Promise<R>): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** How long one call to the extension (a message, a read of its storage) may take on a loaded 2-core machine. */
export const EXTENSION_CALL_MS = 60_000;
/** How long one key press or one tab's closing may take. */
export const PAGE_CALL_MS = 15_000;

/**
 * Runs `fn` in the extension page `page()` opens (a source string: extension pages forbid eval,
 * but the driver's own evaluation is allowed), within EXTENSION_CALL_MS.
 */
export function inExtensionPage<R, A, Api>(
  page: () => Promise<{ evaluateSource<T>(source: string): Promise<T> }>,
  fn: (api: Api, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R> {
  const argument = JSON.stringify(arg ?? null);
  return bounded(
    `in the extension: ${argument.slice(0, 80)}`,
    EXTENSION_CALL_MS,
    page().then((extensionPage) => extensionPage.evaluateSource<R>(`(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${argument})`)),
  );
}
