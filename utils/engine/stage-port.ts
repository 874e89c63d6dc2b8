/**
 * The meeting point of the guard's two stages (issue "Fast where it matters", item 1), in the
 * content scripts' own isolated world (a symbol on its `globalThis`, never visible to the page):
 *
 * - the first stage (`guard-<site>`, at `document_start`: the engine, the site's adapter and the
 *   bare cover) puts a port here as it starts;
 * - the UI stage (`guard-ui`: preact, the dialog, zod, the day count), registered at
 *   `document_idle` and injected by the background as soon as a prompt is wanted before that,
 *   finds the port and attaches the dialog to it.
 *
 * Plain data and types only: both stages import this file, so it must stay tiny.
 */
import type { GuardReport, GuardUi } from './engine';
import type { PageAdapter, PageRef, SiteId } from '../sites/site-adapter';

export const STAGE_PORT = Symbol.for('no-contact-guard.stage');

/** Asks the background to inject the UI stage into this frame now (utils/background/start-background.ts). */
export const GUARD_UI_WANTED = 'guard-ui-wanted';

/**
 * Set by public/content-scripts/cover-flag.js, which the background registers only on guarded
 * accounts' pages (utils/background/cover-patterns.ts), just before the guard: the handle lives in
 * the browser's registration, never in the page. One line with no comment: every byte of it is
 * evaluated at document_start.
 */
export const COVER_FLAG = Symbol.for('no-contact-guard.cover');

/** What the first stage owns and lends to the UI stage: the host, the key listeners, the site. */
export interface CoverMount {
  /** The host on <html> with its closed shadow root, attached (created on first use). */
  attach(): ShadowRoot;
  /** Takes the host out of the page. */
  detach(): void;
  isAttached(): boolean;
  /** The host, for hit tests (the page sees it as the element at any point it covers). */
  element(): HTMLElement | undefined;
}

/** What the UI stage gives back once loaded. */
export interface AttachedUi extends GuardUi {
  report(report: GuardReport): void;
  /** Gets every held key event first (the first stage's capture listeners, registered first). */
  onKey(event: Event): void;
}

/**
 * The first stage's page views, lent to the UI stage's self-check (utils/engine/self-check.ts)
 * with the site's page part it checks with: the check runs seconds after a page has loaded, so
 * its code waits in the UI stage instead of costing the first stage.
 */
export interface PageViews {
  adapter: PageAdapter;
  /** Calls `listener` on every page view from now on, the current one first. */
  watch(listener: (href: string, ref: PageRef | undefined) => void): void;
}

export interface StagePort {
  site: SiteId;
  /** Absent where the first stage checks nothing (tests). */
  pageViews?: PageViews;
  mount: CoverMount;
  /**
   * The stored core as the first stage last read it (unvalidated: the UI stage validates it), so
   * the dialog needs no storage read of its own before it can open.
   */
  storedCore(): unknown;
  /** Called once by the UI stage; a second copy of the UI stage finds the port taken and stops. */
  attach(create: (port: StagePort) => AttachedUi): void;
  attached(): boolean;
}

export function stagePort(scope: object = globalThis): StagePort | undefined {
  return (scope as Record<symbol, StagePort | undefined>)[STAGE_PORT];
}

export function setStagePort(port: StagePort, scope: object = globalThis): void {
  (scope as Record<symbol, StagePort>)[STAGE_PORT] = port;
}

/** Whether the browser's registration said this document's first address is a guarded account's page. */
export function coverFlagged(scope: object = globalThis): boolean {
  return (scope as Record<symbol, unknown>)[COVER_FLAG] === true;
}

/** What the public file does; for tests. */
export function setCoverFlag(scope: object = globalThis): void {
  (scope as Record<symbol, unknown>)[COVER_FLAG] = true;
}
