/** "Show more" under a list drawn a part at a time (the journal, the people list). */
import { Button } from './Button';

export interface ShowMoreProps {
  label: string;
  testId: string;
  onMore(): void;
}

export function ShowMore({ label, testId, onMore }: ShowMoreProps) {
  return (
    <div class="actions">
      <Button testId={testId} onClick={onMore}>
        {label}
      </Button>
    </div>
  );
}
