/**
 * The one runner of site tables. A table (`tests/sites/<site>.table.ts`, exporting `table`) is
 * data: URL rows (a real URL shape → what the adapter must say about it), handle rows (what a
 * person types → the normalised handle) and, where a site needs them, its own fixture checks.
 * site-tables.test.ts finds every table and runs it with these, together with the checks every
 * site's scenario (tests/fixtures/sites/<site>/scenario.ts) implies; adapters.meta.test.ts also
 * feeds every URL row of every table to every other adapter, which must answer undefined.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { expect, test } from 'vitest';
import type { ContactAccount, PageKind, SiteAdapter } from '../../utils/sites/site-adapter';

/** What a URL says about one person, with plain strings so tables stay readable. */
export interface ExpectedRef {
  kind: PageKind;
  handle?: string;
  stableId?: string;
}

export interface UrlRow {
  url: string;
  /** undefined: this page is not about one person (a reserved path, a look-alike). */
  expect: ExpectedRef | undefined;
  /** Why the row exists, for the gotchas especially. */
  why: string;
}

export interface HandleRow {
  raw: string;
  /** undefined: this cannot be a handle on the site. */
  expect: string | undefined;
  why: string;
}

/** Items (as HTML) that do or do not name `guarded`, checked against the adapter's mention selector. */
export interface MentionRows {
  guarded: ContactAccount;
  /** The page the items are on. */
  base: string;
  rows: [why: string, html: string, expected: boolean][];
}

export interface SiteTable {
  urls: UrlRow[];
  handles: HandleRow[];
  mentions?: MentionRows;
  /** Fixture rows and quirks of this site beyond what its scenario states (vitest describe/test calls). */
  checks?: () => void;
}

/** True for values shaped like a URL table, so the meta test can find tables by shape. */
export function isUrlTable(value: unknown): value is UrlRow[] {
  return Array.isArray(value) && value.length > 0 && value.every((row) => typeof row === 'object' && row !== null && typeof (row as UrlRow).url === 'string' && 'expect' in row);
}

export function runUrlTable(adapter: SiteAdapter, rows: readonly UrlRow[]): void {
  test.each(rows.map((row) => [row.url, row.why, row.expect] as const))('%s (%s)', (url, _why, expected) => {
    expect(adapter.parseUrl(new URL(url))).toEqual(expected);
  });
}

export function runHandleTable(adapter: SiteAdapter, rows: readonly HandleRow[]): void {
  test.each(rows.map((row) => [row.raw, row.why, row.expect] as const))('handle %j (%s)', (raw, _why, expected) => {
    expect(adapter.normalizeHandle(raw)).toBe(expected);
  });
}

/** Guarded and not-guarded handles the fixtures are filled with, as the e2e fixture server does. */
export const FIXTURE_PEOPLE = { handle: 'sam_rivers_x', other: 'alex_other' } as const;

/**
 * A fixture page as a document at its real site URL (so `pageOwner` can read `location`). The
 * fixture's own inline script is not run: innerHTML never runs scripts.
 */
export function loadFixture(site: string, file: string, url: string, people: { handle: string; other: string } = FIXTURE_PEOPLE): Document {
  const fill = (text: string) => text.replaceAll('{{handle}}', people.handle).replaceAll('{{other}}', people.other);
  const html = readFileSync(resolve(process.cwd(), 'tests/fixtures/sites', site, file), 'utf8');
  const window = new Window({ url: fill(url) });
  window.document.documentElement.innerHTML = fill(html).replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  const document = window.document as unknown as Document;
  attachDeclarativeShadowRoots(document);
  return document;
}

/**
 * Declarative shadow roots (`<template shadowrootmode="open">`), as the HTML parser attaches them:
 * innerHTML leaves them as templates, so they are attached here, innermost first.
 */
function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of [...root.querySelectorAll('template[shadowrootmode]')].reverse()) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    const content = (template as HTMLTemplateElement).content;
    attachDeclarativeShadowRoots(content);
    shadow.append(content);
    template.remove();
  }
}

/** `querySelector` that pierces open shadow roots at each ` >>> ` (`host >>> inner`), as the e2e harness does. */
export function queryDeep(root: ParentNode, selector: string): Element | null {
  let scope: ParentNode | null = root;
  let found: Element | null = null;
  for (const part of selector.split('>>>').map((p) => p.trim())) {
    found = scope?.querySelector(part) ?? null;
    scope = found?.shadowRoot ?? null;
  }
  return found;
}

/** An element and its ancestors, innermost first, as `composedPath()` gives them (shadow hosts included, shadow roots left out). */
export function pathOf(element: Element): Element[] {
  const path: Element[] = [];
  for (let current: Element | null = element; current; ) {
    path.push(current);
    // Out of an open shadow root, on to its host, as a composed path goes.
    const parent: ParentNode | null = current.parentNode;
    current = current.parentElement ?? ((parent as ShadowRoot | null)?.host ?? null);
  }
  return path;
}

/** Whether an item, or something in it, matches a mention selector. */
export const mentions = (item: Element, selector: string) => item.matches(selector) || item.querySelector(selector) !== null;
