/**
 * axe-core in any page. The source is evaluated as a string (addScriptTag fails on extension
 * pages: their CSP blocks inline scripts). axe walks open shadow roots only, so our dialog is
 * audited by copying the closed root's content into an OPEN root on a plain harness page
 * (toolchain.md "axe-core").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { E2ePage, E2eSession } from './types';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function runAxe(page: E2ePage): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluateSource(`${AXE_SOURCE};0`);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as {
      axe: {
        run(ctx: Document, opts: object): Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

const AUDIT_URL = 'https://audit.e2e.invalid/dialog';

/**
 * Copies what is inside our closed root (the style and the open dialog) into an open shadow root
 * on a blank page of the same size, re-opens the dialog as a modal there, and runs axe on it.
 */
export async function auditOurDialog(session: E2eSession, page: E2ePage): Promise<AxeViolation[]> {
  const markup = await page.inRoot((root) => root.innerHTML);
  session.server.serveHtml(
    AUDIT_URL,
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dialog audit</title></head><body></body></html>',
  );
  const audit = await session.newPage();
  try {
    await audit.goto(AUDIT_URL);
    await audit.evaluate((html) => {
      const host = document.createElement('div');
      document.documentElement.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = html;
      const dialog = root.querySelector('dialog');
      if (dialog?.open) {
        dialog.close();
        dialog.showModal();
      }
    }, markup);
    return await runAxe(audit);
  } finally {
    await audit.close();
  }
}
