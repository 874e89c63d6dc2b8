/**
 * A short visible "Remove" whose accessible name says what goes ("Remove reason “…”"), so a
 * screen-reader list of buttons is not ten identical "Remove"s. The visible word is part of the name.
 */
import { t } from '../../utils/copy';

export interface RemoveButtonProps {
  /** The full accessible name, starting with the visible word. */
  label: string;
  testId?: string;
  disabled?: boolean;
  onClick(): void;
}

export function RemoveButton({ label, testId, disabled, onClick }: RemoveButtonProps) {
  return (
    <button type="button" class="btn btn-quiet" aria-label={label} data-testid={testId} disabled={disabled} onClick={onClick}>
      {t('options.remove')}
    </button>
  );
}
