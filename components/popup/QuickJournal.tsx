/** A quick "write it down": one text box saved to the private journal (`journal-entry-added`). */
import { useState } from 'preact/hooks';
import type { Reply } from '../../utils/data/messages';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

export interface QuickJournalProps {
  onSave(text: string): Promise<Reply>;
}

export function QuickJournal({ onSave }: QuickJournalProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    const reply = await onSave(text.trim());
    if (reply.ok) {
      setText('');
      setError(undefined);
      setStatus(t('popup.writeSaved'));
    } else {
      setError(reply.error);
    }
  };

  if (!open) {
    return (
      <Button testId="journal-open" onClick={() => setOpen(true)}>
        {t('popup.writeOpen')}
      </Button>
    );
  }
  return (
    <form class="panel journal" onSubmit={submit} data-testid="journal">
      <Field
        id="journal-text"
        multiline
        label={t('popup.writeLabel')}
        value={text}
        maxLength={20_000}
        onInput={(value) => {
          setText(value);
          setStatus('');
        }}
        error={error}
        testId="journal-text"
        autoFocus
      />
      <div class="actions">
        <Button type="submit" variant="primary" testId="journal-save" disabled={!text.trim()}>
          {t('popup.writeSave')}
        </Button>
      </div>
      <p role="status" class="muted" data-testid="journal-status">
        {status}
      </p>
    </form>
  );
}
