/**
 * The start-up floor (issue 16): a site's guard registrations swapped for one on the same pages
 * that injects only the cover flag's one line (`content-scripts/cover-flag.js`, 57 bytes) at
 * `document_start`, and put back after. What a page of the site pays then is what the browser's
 * injection costs any script there; the start-up figure minus it is what the first stage's size
 * and work add. Used by bench/browser.measure.ts (`content-script-startup-floor-ms`) and
 * bench/startup-profile.measure.ts (the trace of the same loads).
 */
import type { E2eSession } from '../tests/e2e/harness/types';
import { COVER_FLAG_FILE, coverScriptName, guardBundleName } from '../utils/background/guard-bundles';

export const FLOOR_FILE = COVER_FLAG_FILE;
const FLOOR_ID = 'bench-startup-floor';

/** Runs `measure` with the site's guard registrations swapped for the floor script; puts them back after. */
export async function withStartupFloor<T>(session: Pick<E2eSession, 'inExtension'>, site: string, measure: () => Promise<T>): Promise<T> {
  const saved = await session.inExtension(
    async (api, [ids, floorId, file]) => {
      const scripts = (await api.scripting.getRegisteredContentScripts()).filter((s) => ids.includes(s.id));
      const everyPage = scripts.find((s) => s.id === ids[0]);
      if (!everyPage?.matches) throw new Error(`no registration ${ids[0]}`);
      await api.scripting.unregisterContentScripts({ ids: scripts.map((s) => s.id) });
      await api.scripting.registerContentScripts([{ id: floorId, matches: everyPage.matches, js: [file], runAt: 'document_start' }]);
      return scripts;
    },
    [[guardBundleName(site), coverScriptName(site)], FLOOR_ID, FLOOR_FILE] as const,
  );
  try {
    return await measure();
  } finally {
    await session.inExtension(
      async (api, [scripts, floorId]) => {
        await api.scripting.unregisterContentScripts({ ids: [floorId] });
        await api.scripting.registerContentScripts(scripts);
      },
      [saved, FLOOR_ID] as const,
    );
  }
}
