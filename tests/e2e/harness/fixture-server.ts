/**
 * Serves fixture files at the real site URLs, by request interception (no DNS, no sockets).
 * Browser-agnostic: each browser driver asks `respond(url)` for every http(s) request and
 * fulfils or aborts accordingly. Every request is counted per URL, so a test can assert that a
 * URL "reached the server 0 times".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_RUNTIME_TAG } from './fixture-runtime';

export const FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'sites');

/** Where a served fixture is also available with no extension logic: a host no script matches. */
export const CONTROL_ORIGIN = 'https://control.e2e.invalid';

export interface FixtureVars {
  handle: string;
  other: string;
}

export interface ServedResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export function fillPlaceholders(text: string, vars: FixtureVars): string {
  return text.replaceAll('{{handle}}', vars.handle).replaceAll('{{other}}', vars.other);
}

/** The fixture's own handlers: one file per site, inlined where the fixture asks for it. */
const SITE_HANDLERS_TAG = '<script data-site-handlers></script>';

/** A site fixture as the browser receives it: its site's handler script inlined, placeholders filled. */
export function readFixture(site: string, fixture: string, vars: FixtureVars): string {
  const html = readFileSync(join(FIXTURES_DIR, site, fixture), 'utf8');
  const handlers = html.includes(SITE_HANDLERS_TAG) ? readFileSync(join(FIXTURES_DIR, site, 'site-handlers.js'), 'utf8') : '';
  // Inlined as is: a closing script tag in it would end the element early in the page.
  if (/<\/script/i.test(handlers)) throw new Error(`${site}/site-handlers.js must not contain a closing script tag`);
  return fillPlaceholders(html.replace(SITE_HANDLERS_TAG, () => `<script>\n${handlers}</script>`), vars);
}

/** Puts the runtime first in <head>, so it runs before any of the fixture's own scripts. */
export function withRuntime(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('fixture has no <head> tag (see tests/fixtures/sites/scenario-types.ts)');
  const at = head.index + head[0].length;
  return html.slice(0, at) + FIXTURE_RUNTIME_TAG + html.slice(at);
}

function normalise(url: string): string {
  return new URL(url).href;
}

export class FixtureServer {
  private readonly routes = new Map<string, ServedResponse>();
  private readonly counts = new Map<string, number>();

  /**
   * Serves a fixture file (placeholders filled, runtime inserted) at `url`; `edit` changes its
   * markup first (a site that changed its pages).
   */
  serveFixture(url: string, site: string, fixture: string, vars: FixtureVars, edit: (html: string) => string = (html) => html): string {
    const html = withRuntime(edit(readFixture(site, fixture, vars)));
    const filled = normalise(fillPlaceholders(url, vars));
    this.routes.set(filled, { status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return filled;
  }

  /** The same fixture at the control origin: what the page looks like with no extension logic at all. */
  controlUrl(url: string): string {
    const served = this.routes.get(normalise(url));
    if (!served) throw new Error(`not served: ${url}`);
    const source = new URL(url);
    const control = normalise(`${CONTROL_ORIGIN}${source.pathname}${source.search}`);
    this.routes.set(control, served);
    return control;
  }

  serveHtml(url: string, body: string): string {
    const filled = normalise(url);
    this.routes.set(filled, { status: 200, contentType: 'text/html; charset=utf-8', body });
    return filled;
  }

  /** Called by the drivers for every http(s) request; undefined means abort. */
  respond(url: string): ServedResponse | undefined {
    const key = normalise(url);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return this.routes.get(key);
  }

  /** How many requests for `url` reached the (fake) server. */
  count(url: string): number {
    return this.counts.get(normalise(url)) ?? 0;
  }

  /** The body of a served fixture's <body>, for in-app navigations. */
  bodyOf(url: string): string {
    const served = this.routes.get(normalise(url));
    if (!served) throw new Error(`not served: ${url}`);
    const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(served.body);
    if (!match?.[1]) throw new Error(`fixture at ${url} has no <body>`);
    return match[1];
  }
}
