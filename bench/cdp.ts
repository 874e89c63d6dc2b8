/** Chromium only: a CDP session on a tab of the e2e harness (playwright's page.context().newCDPSession). */
import type { E2ePage } from '../tests/e2e/harness/types';

export interface CdpLike {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, listener: (params: unknown) => void): void;
  detach(): Promise<void>;
}

export async function cdpOf(page: E2ePage): Promise<CdpLike> {
  const raw = (page as unknown as { page: { context(): { newCDPSession(p: unknown): Promise<CdpLike> } } }).page;
  return raw.context().newCDPSession(raw);
}

/** One event of a Chromium trace (Trace Event Format), as much as the profile scripts read. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** The events of a trace (`categories`) of the tab while `run` runs. */
export async function traced(cdp: CdpLike, categories: string[], run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (p) => events.push(...(p as { value: TraceEvent[] }).value));
  const done = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** The script an event is about, where it names one. */
export function urlOf(e: TraceEvent): string {
  const data = (e.args?.data ?? e.args?.beginData ?? e.args) as Record<string, unknown> | undefined;
  return String(data?.url ?? data?.fileName ?? data?.scriptName ?? '');
}
