/**
 * Every message that reaches the background's data: validated with zod, checked against who sent
 * it, then answered from the store. Site pages (content scripts) may only report what their
 * interstitial saw; everything else must come from the extension's own pages.
 * (`page-continue-requested` and `strict-phrase-entered` change no data: start-background.ts
 * answers them before they get here.)
 */
import './zod-config';
import { z } from 'zod';
import { changeErrorText, importErrorText, requestErrorText } from '../copy/data-errors';
import { isAllowedFrom, MessageSchema, type Message, type Reply, type SenderKind } from './messages';
import { reduce, type Mutation } from './reducers';
import type { Store } from './store';
import { exportDocument, parseImport } from './transfer';
import { figuresCache, pageView } from '../ui/page-view';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface RouterDeps {
  store: Store;
  extensionId: string;
  extensionOrigin: string;
}

/** Who sent a message; undefined for anyone who is not this extension. */
export function senderKind(
  sender: MessageSender,
  deps: Pick<RouterDeps, 'extensionId' | 'extensionOrigin'>,
): SenderKind | undefined {
  if (sender.id !== deps.extensionId) return undefined;
  // Checked first: an options page opened in a tab has a `tab` too.
  if (sender.url !== undefined && sender.url.startsWith(deps.extensionOrigin)) return 'extension-page';
  if (sender.tab !== undefined) return 'site-page';
  return undefined;
}

/** The local date in `timeZone`, as YYYY-MM-DD, for the export's file name. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const NOT_DATA_MESSAGES: ReadonlySet<Message['type']> = new Set(['page-continue-requested', 'strict-phrase-entered', 'page-pass-claimed', 'support-page-requested', 'site-check-reported']);

function isMutation(message: Message): message is Mutation {
  return ![
    'state-requested',
    'view-requested',
    'export-requested',
    'kept-aside-export-requested',
    'import-requested',
    'erase-requested',
    'page-continue-requested',
    'strict-phrase-entered',
    'page-pass-claimed',
    'support-page-requested',
    'site-check-reported',
  ].includes(message.type);
}

/** The sender's id for a change (utils/data/reliable-send.ts): read beside the message, never inside the data. */
const ChangeIdSchema = z.object({ changeId: z.string().regex(/^[\w-]{8,64}$/) });

/** The log's figures, made once per store and revision (every open page asks after each write). */
const figuresByStore = new WeakMap<Store, ReturnType<typeof figuresCache>>();

async function answer(message: Message, store: Store, changeId: string | undefined): Promise<Reply> {
  switch (message.type) {
    case 'state-requested':
      return { ok: true, data: await store.snapshot() };
    case 'view-requested': {
      const snapshot = await store.snapshot();
      let figures = figuresByStore.get(store);
      if (!figures) figuresByStore.set(store, (figures = figuresCache()));
      return { ok: true, data: pageView(snapshot, message.journal, figures(snapshot.doc.events, snapshot.revision, store.context().now, message.timeZone)) };
    }
    case 'export-requested': {
      const snapshot = await store.snapshot();
      // The document shown for newer data is a stand-in; exporting it would look like a backup and not be one.
      if (snapshot.problem === 'newer-version') return { ok: false, error: changeErrorText('newer-version') };
      const { now, timeZone } = store.context();
      return {
        ok: true,
        data: { json: exportDocument(snapshot.doc, now), fileName: `no-contact-guard-${localDate(now, timeZone)}.json` },
      };
    }
    case 'kept-aside-export-requested': {
      const { now, timeZone } = store.context();
      const copies = await store.keptAsideCopies();
      return {
        ok: true,
        data: { json: `${JSON.stringify({ format: 'no-contact-guard-set-aside', savedAt: now.toISOString(), copies }, null, 2)}\n`, fileName: `no-contact-guard-set-aside-${localDate(now, timeZone)}.json` },
      };
    }
    case 'import-requested': {
      const parsed = parseImport(message.json);
      if (!parsed.ok) return parsed;
      const replaced = await store.replace(parsed.doc);
      if (replaced.ok) return { ok: true };
      // Refused before anything was written: the person learns how much it needs and how much is free.
      if (replaced.error === 'import-too-big') return { ok: false, error: importErrorText.noSpace(replaced.neededBytes, replaced.freeBytes) };
      return { ok: false, error: importErrorText.tooLarge() };
    }
    case 'erase-requested':
      await store.erase();
      return { ok: true };
    default: {
      if (!isMutation(message)) return { ok: false, error: requestErrorText.badMessage() };
      const outcome = await store.update((doc, ctx) => reduce(doc, message, ctx), changeId);
      if (!outcome.ok) return { ok: false, error: changeErrorText(outcome.error) };
      return outcome.data === undefined ? { ok: true } : { ok: true, data: outcome.data };
    }
  }
}

export async function handleMessage(raw: unknown, sender: MessageSender, deps: RouterDeps): Promise<Reply> {
  const kind = senderKind(sender, deps);
  if (kind === undefined) return { ok: false, error: requestErrorText.notAllowed() };
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success || NOT_DATA_MESSAGES.has(parsed.data.type)) return { ok: false, error: requestErrorText.badMessage() };
  if (!isAllowedFrom(parsed.data.type, kind)) return { ok: false, error: requestErrorText.notAllowed() };
  try {
    const changeId = ChangeIdSchema.safeParse(raw);
    return await answer(parsed.data, deps.store, changeId.success ? changeId.data.changeId : undefined);
  } catch {
    // A failed write or an unexpected bug: the queue has already moved on and nothing was half-written.
    return { ok: false, error: requestErrorText.unexpected() };
  }
}
