/**
 * The journal: what the person wrote down instead of reaching out. Read an entry, or delete it
 * (asked once more). The newest entries first, a page at a time: 1,000 entries drawn at once made
 * the options page take 5 s to render (issue 17, item 8).
 */
import { useState } from 'preact/hooks';
import type { JournalEntry } from '../../utils/data/schema';
import { formatLocalDateTime, JOURNAL_PAGE, journalNewestFirst, journalPreview, type SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { ShowMore } from '../common/ShowMore';
import { StatusLine, useAction } from './StatusLine';

export interface JournalSectionProps {
  entries: readonly JournalEntry[];
  /**
   * With the newest entries only (the options page asks the background for a page at a time): how
   * many there are in all, and how to ask for the next page. Without: `entries` is every entry.
   */
  older?: { total: number; onMore(): void };
  locale: string;
  timeZone: string;
  send: SendMessage;
}

export { JOURNAL_PAGE };

export function JournalSection({ entries, older: held, locale, timeZone, send }: JournalSectionProps) {
  const [confirming, setConfirming] = useState<string | undefined>();
  const [localShown, setShown] = useState(JOURNAL_PAGE);
  const action = useAction(send);
  const sorted = journalNewestFirst(entries);
  const shown = held ? sorted.length : localShown;
  const older = (held ? held.total : sorted.length) - shown;
  const showMore = held ? held.onMore : () => setShown(shown + JOURNAL_PAGE);
  return (
    <section id="journal" class="section" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('options.journal.title')}</h2>
      <p class="intro">{t('options.journal.intro')}</p>
      {sorted.length === 0 && older <= 0 ? (
        <p>{t('options.journal.empty')}</p>
      ) : (
        <ul class="journal" data-testid="journal-list">
          {sorted.slice(0, shown).map((entry) => (
            <li key={entry.id} class="card entry" data-testid="journal-row">
              <details>
                <summary>
                  <time dateTime={entry.at}>{formatLocalDateTime(entry.at, locale, timeZone)}</time>
                  {' · '}
                  <span>{journalPreview(entry.text)}</span>
                </summary>
                <p class="entry-text" data-testid="journal-text">
                  {entry.text}
                </p>
              </details>
              {confirming === entry.id ? (
                <div class="confirm" role="group" aria-label={t('options.journal.deleteConfirm')}>
                  <p>{t('options.journal.deleteConfirm')}</p>
                  <div class="actions">
                    <Button
                      testId="journal-delete-confirm"
                      autoFocus
                      disabled={action.busy}
                      onClick={async () => {
                        const reply = await action.run({ type: 'journal-entry-deleted', entryId: entry.id });
                        if (reply.ok) setConfirming(undefined);
                      }}
                    >
                      {t('options.journal.deleteYes')}
                    </Button>
                    <Button variant="primary" testId="journal-delete-cancel" onClick={() => setConfirming(undefined)}>
                      {t('options.journal.deleteNo')}
                    </Button>
                  </div>
                </div>
              ) : (
                <div class="actions">
                  <Button variant="quiet" testId="journal-delete" onClick={() => setConfirming(entry.id)}>
                    {t('options.journal.delete')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {older > 0 && <ShowMore testId="journal-more" label={t('options.journal.showOlder', [String(older)])} onMore={showMore} />}
      <StatusLine outcome={action.outcome} />
    </section>
  );
}
