/**
 * Says, before anything else (set-up included), that stored data could not be read and a copy was
 * set aside: when, what could not be kept, that the rest goes on working, and a way to save the
 * copy. Presentational: the page decides what "save" does.
 */
import { t } from '../../utils/copy';
import { Button } from './Button';

export interface KeptAsideNoticeProps {
  keptAside: { at: string; lost: string[] }[];
  locale: string;
  /** Saves every set-aside copy as a file; absent where the page cannot (the popup links to options). */
  onSave?(): void;
  onOpenSettings?(): void;
}

/** The words for what could not be kept, by the part's path in the stored document. */
const PART_KEYS = {
  people: 'keptAside.part.people',
  reasons: 'keptAside.part.reasons',
  insteadIdeas: 'keptAside.part.reasons',
  journal: 'keptAside.part.journal',
  events: 'keptAside.part.history',
  streak: 'keptAside.part.streak',
  settings: 'keptAside.part.settings',
} as const;

export function lostParts(lost: readonly string[]): string[] {
  const words = lost.map((path) => {
    const top = path.split('.')[0] as keyof typeof PART_KEYS;
    return t(PART_KEYS[top] ?? 'keptAside.part.other');
  });
  return [...new Set(words)];
}

export function KeptAsideNotice({ keptAside, locale, onSave, onOpenSettings }: KeptAsideNoticeProps) {
  const latest = keptAside[keptAside.length - 1];
  if (!latest) return null;
  const when = new Date(latest.at);
  const date = Number.isNaN(when.getTime()) ? latest.at : when.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
  const everything = latest.lost.includes('everything');
  const parts = lostParts(latest.lost.filter((p) => p !== 'everything'));
  return (
    <div class="notice kept-aside" role="status" data-testid="kept-aside-notice">
      <p>{t('keptAside.lead', [date])}</p>
      <p>{everything ? t('keptAside.everything') : parts.length > 0 ? t('keptAside.some', [parts.join(', ')]) : t('keptAside.none')}</p>
      {keptAside.length > 1 && <p>{t('keptAside.earlier', [String(keptAside.length - 1)])}</p>}
      {onSave && (
        <Button testId="kept-aside-save" onClick={onSave}>
          {t('keptAside.save')}
        </Button>
      )}
      {onOpenSettings && (
        <Button variant="quiet" testId="kept-aside-open" onClick={onOpenSettings}>
          {t('keptAside.open')}
        </Button>
      )}
    </div>
  );
}
