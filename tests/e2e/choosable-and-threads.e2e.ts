/**
 * Two declarations a site may make beyond the first sites' (issue 13), one block per scenario that
 * has them:
 * - `choosable`: controls paused only when the person chooses (an anonymous vote). With no choice
 *   stored, the site's default decides; once the person switches it (the options page sends
 *   `choosable-pause-set`), the other way. Someone else's control is never touched.
 * - `thread`: a page about no one guarded whose items hold other people's (a comment thread): the
 *   guarded person's comment controls are stopped before the site's handler, and collapsing their
 *   comment hides its own parts behind a neutral placeholder while the replies stay readable.
 * The privacy check of guard.e2e.ts runs after every page here too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adapterById } from '../../utils/sites/registry';
import type { ControlCase, FixturePage, SiteScenario } from '../fixtures/sites/scenario-types';
import { clickAt, inClosedRootOf } from './harness/dialog-driver';
import { fillPlaceholders, type FixtureVars } from './harness/fixture-server';
import { address, handled, hasHost, hostFacts, pageVisibleTraces, settle, waitForDialog } from './harness/page-checks';
import { launch } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { PopupPage } from './pages/popup';

const modules = import.meta.glob<{ scenario: SiteScenario }>('../fixtures/sites/*/scenario.ts', { eager: true });
const scenarios = Object.values(modules)
  .map((m) => m.scenario)
  .filter((s) => s.choosable || s.thread);

type SiteWindow = { __site: { handled: string[] } };

describe.each(scenarios.map((s) => [s.site, s] as const))('%s', (_site, scenario) => {
  const vars: FixtureVars = { handle: scenario.guarded.handle, other: scenario.other };
  const fill = (text: string) => fillPlaceholders(text, vars);
  const adapter = adapterById(scenario.site);
  const handle = scenario.guarded.handle;
  let session: E2eSession;
  let popup: PopupPage;
  let personId: string;
  const served = new Map<string, string>();
  const urlOf = (page: FixturePage) => served.get(page.url)!;

  async function withPage(run: (page: E2ePage) => Promise<void>): Promise<void> {
    const page = await session.newPage();
    try {
      await run(page);
      // Privacy, as in guard.e2e.ts: nothing the page can read names the guarded person.
      const facts = await hostFacts(page);
      if (facts) expect(facts).toEqual({ outerHTML: '<div></div>', attributes: [], inlineStyle: '' });
      expect(await pageVisibleTraces(page)).not.toContain(handle);
      expect(page.consoleMessages().join('\n')).not.toContain(handle);
    } finally {
      await page.close();
    }
  }

  /** The person's pause is stopped there: nothing reached the site, our dialog asks; "Go back" counts one urge. */
  async function expectStopped(page: E2ePage, url: string, selector: string): Promise<void> {
    const before = await popup.urgesResisted();
    await page.goto(url);
    await settle(page);
    await page.click(fill(selector));
    await waitForDialog(page);
    expect(await handled(page)).toEqual([]);
    expect(await address(page)).toBe(url);
    await page.clickInRoot('[data-action="back"]');
    expect(await popup.waitForUrges(before + 1)).toBe(before + 1);
    await settle(page);
    expect(await handled(page)).toEqual([]);
  }

  async function expectReached(page: E2ePage, url: string, selector: string, action: string): Promise<void> {
    await page.goto(url);
    await settle(page);
    await page.click(fill(selector));
    await page.waitFor(() => (window as unknown as SiteWindow).__site.handled.length > 0);
    expect(await handled(page)).toEqual([action]);
    expect(await hasHost(page)).toBe(false);
  }

  beforeAll(async () => {
    session = await launch();
    popup = new PopupPage(session);
    for (const page of [...(scenario.choosable ?? []).map((c) => c.page), ...(scenario.thread ? [scenario.thread.page] : [])]) {
      if (!served.has(page.url)) served.set(page.url, session.server.serveFixture(page.url, scenario.site, page.fixture, vars));
    }
    const reply = await session.send({
      type: 'person-added',
      label: 'Someone',
      accounts: [{ site: scenario.site, handle, ...(scenario.guarded.stableId ? { stableId: scenario.guarded.stableId } : {}) }],
      feedHiding: 'off',
    });
    expect(reply).toMatchObject({ ok: true });
    personId = (await popup.state()).doc.people.find((p) => p.accounts.some((a) => a.handle === handle))!.id;
  });

  afterAll(async () => {
    await session?.close();
  });

  const choosable = (scenario.choosable ?? []).flatMap(({ page, controls }) => controls.map((control) => [`${control.action}: ${control.guarded}`, page, control] as const));
  describe.each(choosable)('the choosable %s', (_name, page, control: ControlCase) => {
    const byDefault = adapter.choosablePauses?.[control.action];
    const setChoice = async (paused: boolean) =>
      expect(await session.send({ type: 'choosable-pause-set', action: control.action, paused })).toMatchObject({ ok: true });

    test('is declared choosable by the adapter', () => expect(byDefault).toBeDefined());

    test(`with no choice stored: the site's default (${byDefault ? 'paused' : 'not paused'}) on theirs; someone else's reaches the site`, async () => {
      await withPage(async (p) => {
        if (byDefault) await expectStopped(p, urlOf(page), control.guarded);
        else await expectReached(p, urlOf(page), control.guarded, control.action);
      });
      await withPage((p) => expectReached(p, urlOf(page), control.other, control.action));
    });

    test('once the person chooses the other way: so on theirs, and still nothing changes on someone else’s', async () => {
      await setChoice(!byDefault);
      try {
        await withPage(async (p) => {
          if (byDefault) await expectReached(p, urlOf(page), control.guarded, control.action);
          else await expectStopped(p, urlOf(page), control.guarded);
        });
        await withPage((p) => expectReached(p, urlOf(page), control.other, control.action));
      } finally {
        await setChoice(Boolean(byDefault));
      }
    });
  });

  describe.runIf(scenario.thread)('a thread of comments', () => {
    const thread = scenario.thread!;
    /** The thread page, settled, with the guarded person's feed hiding set to `feedHiding` (then 'off' again). */
    async function onThreadWith(feedHiding: 'hide' | 'collapse', run: (page: E2ePage) => Promise<void>): Promise<void> {
      expect(await session.send({ type: 'feed-hiding-changed', personId, feedHiding })).toMatchObject({ ok: true });
      try {
        await withPage(async (p) => {
          await p.goto(urlOf(thread.page));
          await settle(p);
          await run(p);
        });
      } finally {
        expect(await session.send({ type: 'feed-hiding-changed', personId, feedHiding: 'off' })).toMatchObject({ ok: true });
      }
    }

    describe.each(thread.controls.map((c) => [`${c.action}: ${c.guarded}`, c] as const))('the %s control', (_name, control) => {
      test("on the guarded person's comment never reaches the site; \"Go back\" counts one urge", async () => {
        await withPage((p) => expectStopped(p, urlOf(thread.page), control.guarded));
      });
      test("on someone else's comment reaches the site's own handler", async () => {
        await withPage((p) => expectReached(p, urlOf(thread.page), control.other, control.action));
      });
    });

    test("'hide': their comment's own parts never show and the replies inside stay readable; with the adapter's stylesheet, nothing is written on the comment", async () => {
      await onThreadWith('hide', async (p) => {
        const hidden = fill(thread.hidden);
        const parts = thread.parts.map(fill);
        const kept = thread.kept.map(fill);
        // Until the sheet is in, every item is held back (replies too): wait for the replies to show.
        await p.waitFor(
          ({ parts, kept }) => {
            const height = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().height;
            return parts.every((sel) => height(sel) === 0) && kept.every((sel) => height(sel) > 0);
          },
          { parts, kept },
        );
        const state = await p.evaluate(
          ({ hidden, parts, kept }) => {
            const shown = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().height > 0;
            const item = document.querySelector(hidden)!;
            return {
              kept: kept.map(shown),
              first: item.firstElementChild === document.querySelector(parts[0]!),
              styled: [item, ...parts.map((sel) => document.querySelector(sel)!)].some((el) => el.hasAttribute('style')),
            };
          },
          { hidden, parts, kept },
        );
        expect(state.kept, 'the replies and the other comments').toEqual(thread.kept.map(() => true));
        if (adapter.feedItem?.hideSelectors) expect({ first: state.first, styled: state.styled }, 'no placeholder, no inline style').toEqual({ first: true, styled: false });
      });
    });

    test("'collapse': their comment's own parts are hidden behind a neutral placeholder; the replies inside stay readable; \"Show it\" brings it back", async () => {
      await onThreadWith('collapse', async (p) => {
        const hidden = fill(thread.hidden);
        const state = () =>
          p.evaluate(
            ({ hidden, parts, kept }) => {
              const shown = (selector: string) => {
                const box = document.querySelector(selector)!.getBoundingClientRect();
                return box.width > 0 && box.height > 0;
              };
              return { item: shown(hidden), parts: parts.map(shown), kept: kept.map(shown), first: document.querySelector(hidden)!.firstElementChild!.outerHTML };
            },
            { hidden, parts: thread.parts.map(fill), kept: thread.kept.map(fill) },
          );
        const collapsed = await state();
        expect(collapsed.item, 'the comment keeps its place, for its replies').toBe(true);
        expect(collapsed.parts, 'its own parts').toEqual(thread.parts.map(() => false));
        expect(collapsed.kept, 'the replies and the other comments').toEqual(thread.kept.map(() => true));
        // The placeholder stands first, in the first part's slot: no text, no name the page can read.
        expect(collapsed.first).toMatch(/^<div( slot="[^"]*")?><\/div>$/);
        const placeholderExpr = `document.querySelector(${JSON.stringify(hidden)}).firstElementChild`;
        const inside = await inClosedRootOf(session.name, p, placeholderExpr, (root) => root.innerHTML);
        expect(inside).toContain('A comment is hidden here');
        expect(inside).not.toContain(handle);

        await p.evaluate((sel) => document.querySelector(sel)!.firstElementChild!.scrollIntoView({ block: 'center' }), hidden);
        const button = await inClosedRootOf(session.name, p, placeholderExpr, (root) => {
          const box = root.querySelector('button')!.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        });
        await clickAt(session.name, p, button.x, button.y);
        const firstPart = fill(thread.parts[0]!);
        await p.waitFor((sel) => document.querySelector(sel)!.getBoundingClientRect().height > 0, firstPart);
        const shown = await state();
        expect(shown.parts).toEqual(thread.parts.map(() => true));
        expect(shown.kept).toEqual(thread.kept.map(() => true));
      });
    });
  });
});
