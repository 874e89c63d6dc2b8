/**
 * The people on the list, and the form that adds someone new (`person-added`). A long list is
 * drawn a part at a time: 50 people drawn at once were most of the options page's 12,409 nodes and
 * 5 s (issue 17, item 8).
 */
import { useState } from 'preact/hooks';
import { ShowMore } from '../common/ShowMore';
import type { StoredDocument } from '../../utils/data/schema';
import type { SiteId } from '../../utils/sites/site-ids';
import type { PatternAccess, RecognizedLink, SendMessage, SiteChoice } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { AccountForm } from './AccountForm';
import { PersonCard } from './PersonCard';
import { FeedReachChoice } from './FeedReachChoice';

export interface PeopleSectionProps {
  doc: StoredDocument;
  sites: readonly SiteChoice[];
  locale: string;
  recognizeLink(input: string): RecognizedLink;
  normalizeHandle(site: SiteId, raw: string): string | undefined;
  patternAccess?: PatternAccess;
  send: SendMessage;
}

/** People drawn at first, and added by each "show more people". */
export const PEOPLE_PAGE = 10;

export function PeopleSection(props: PeopleSectionProps) {
  const { doc, send } = props;
  const [shown, setShown] = useState(PEOPLE_PAGE);
  const more = doc.people.length - shown;
  return (
    <section id="people" class="section" aria-labelledby="people-title">
      <h2 id="people-title">{t('options.people.title')}</h2>
      <p class="intro">{t('options.people.intro')}</p>
      {doc.people.length === 0 ? (
        <p data-testid="people-empty">{t('options.people.empty')}</p>
      ) : (
        <ul class="cards" data-testid="people-list">
          {doc.people.slice(0, shown).map((person, index) => (
            <PersonCard
              key={person.id}
              person={person}
              index={index}
              sites={props.sites}
              locale={props.locale}
              patterns={doc.customPatterns.filter((pattern) => pattern.personId === person.id)}
              coolDown={doc.settings.coolDown}
              pending={doc.settings.pending}
              recognizeLink={props.recognizeLink}
              normalizeHandle={props.normalizeHandle}
              {...(props.patternAccess && { patternAccess: props.patternAccess })}
              send={send}
            />
          ))}
        </ul>
      )}
      {more > 0 && <ShowMore testId="people-more" label={t('options.people.showMore', [String(more)])} onMore={() => setShown(shown + PEOPLE_PAGE)} />}
      {doc.people.some((person) => person.feedHiding !== 'off') && <FeedReachChoice reach={doc.settings.feedReach ?? 'own'} send={send} />}
      <div class="card add-person">
        <h3 id="add-person-title">{t('options.people.addTitle')}</h3>
        <AccountForm
          idPrefix="add-person"
          sites={props.sites}
          locale={props.locale}
          recognizeLink={props.recognizeLink}
          normalizeHandle={props.normalizeHandle}
          withName
          submitLabel={t('options.people.add')}
          onAdd={(account, label) => send({ type: 'person-added', label, accounts: [account] })}
        />
      </div>
    </section>
  );
}
