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
