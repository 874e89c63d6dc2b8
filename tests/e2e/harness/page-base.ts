/** What both drivers share: clicks by real mouse at an element's centre. */
import type { E2ePage } from './types';

export abstract class PageBase implements E2ePage {
  abstract goto(url: string): Promise<void>;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract evaluateSource<R = unknown>(source: string): Promise<R>;
  abstract waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  abstract inRoot<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R>;
  abstract press(key: string): Promise<void>;
  abstract close(): Promise<void>;
  protected abstract mouseClick(x: number, y: number, clickCount?: number): Promise<void>;
  /** Filled by each driver's console listener, from the moment the tab is created. */
  protected readonly console: string[] = [];

  consoleMessages(): string[] {
    return [...this.console];
  }

  async click(selector: string): Promise<void> {
    const centre = await this.centreOf(selector);
    await this.mouseClick(centre.x, centre.y);
  }

  async doubleClick(selector: string): Promise<void> {
    const centre = await this.centreOf(selector);
    await this.mouseClick(centre.x, centre.y, 2);
  }

  private async centreOf(selector: string): Promise<{ x: number; y: number }> {
    const centre = await this.evaluate((sel) => {
      // `host >>> inner` pierces an open shadow root (Reddit's vote buttons), as a person's pointer does.
      let scope: ParentNode | null = document;
      let el: Element | null = null;
      for (const part of sel.split('>>>')) {
        el = scope?.querySelector(part.trim()) ?? null;
        scope = el?.shadowRoot ?? null;
      }
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const box = el.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, selector);
    if (!centre) throw new Error(`no element for ${selector}`);
    return centre;
  }

  async clickInRoot(selector: string): Promise<void> {
    const centre = await this.inRoot((root, sel) => {
      const el = root.querySelector(sel);
      if (!el) return null;
      // A dialog taller than the window scrolls inside itself (a reason, a plan, a friend…); a person would scroll to the button too.
      el.scrollIntoView({ block: 'center' });
      const box = el.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, selector);
    if (!centre) throw new Error(`no element for ${selector} in our root`);
    await this.mouseClick(centre.x, centre.y);
  }
}
