/**
 * "Also guard their Threads account": for each account a person probably has on a site that shares
 * handles with one already on their list, one button that adds it. Nothing is added without the
 * click: the same name may belong to someone else there.
 */
import type { SiteId } from '../../utils/sites/site-ids';
import type { SameHandleOffer } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';

export interface SameHandleOffersProps {
  offers: readonly SameHandleOffer[];
  labelOf(site: SiteId): string;
  disabled: boolean;
  onAdd(offer: SameHandleOffer): void;
}

export function SameHandleOffers({ offers, labelOf, disabled, onAdd }: SameHandleOffersProps) {
  if (offers.length === 0) return null;
  return (
    <div class="same-handle" data-testid="same-handle-offers">
      {offers.map((offer) => (
        <p key={`${offer.site}:${offer.handle}`}>
          {t('options.people.sameHandleHint', [labelOf(offer.site), labelOf(offer.from)])}{' '}
          <Button testId={`same-handle-add-${offer.site}`} disabled={disabled} onClick={() => onAdd(offer)}>
            {t('options.people.sameHandleAdd', [offer.handle, labelOf(offer.site)])}
          </Button>
        </p>
      ))}
    </div>
  );
}
