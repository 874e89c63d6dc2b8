/**
 * "I had contact": a kind confirmation with an optional note, then the count restarts
 * (`contact-recorded`, sent by the page through `onRecord`) and an encouraging message follows.
 * The history is kept by the background; nothing here says otherwise.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '../../utils/data/messages';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

export interface ContactFlowProps {
  onRecord(note: string | undefined): Promise<Reply>;
}

type Stage = 'closed' | 'confirm' | 'done';

export function ContactFlow({ onRecord }: ContactFlowProps) {
  const [stage, setStage] = useState<Stage>('closed');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  // A layout effect: focus moves in the same task as the render, before a key typed next goes elsewhere.
  useLayoutEffect(() => {
    if (stage === 'confirm') panel.current?.querySelector<HTMLElement>('h2')?.focus();
    if (stage === 'done') panel.current?.querySelector<HTMLElement>('[data-testid="contact-done"]')?.focus();
  }, [stage]);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const trimmed = note.trim();
    const reply = await onRecord(trimmed ? trimmed : undefined);
    setBusy(false);
    if (reply.ok) {
      setNote('');
      setStage('done');
    } else {
      setError(reply.error);
    }
  };

  return (
    <div class="contact" ref={panel}>
      {stage === 'closed' && (
        <Button testId="contact-open" onClick={() => setStage('confirm')}>
          {t('popup.contactOpen')}
        </Button>
      )}
      {stage === 'confirm' && (
        <section class="panel" data-testid="contact-confirm" aria-labelledby="contact-title">
          <h2 id="contact-title" tabIndex={-1}>
            {t('popup.contactTitle')}
          </h2>
          <p>{t('popup.contactBody')}</p>
          <Field
            id="contact-note"
            multiline
            label={t('popup.contactNoteLabel')}
            value={note}
            maxLength={2000}
            onInput={setNote}
            error={error}
            testId="contact-note"
          />
          <div class="actions">
            <Button variant="primary" testId="contact-confirm-button" disabled={busy} onClick={confirm}>
              {t('popup.contactConfirm')}
            </Button>
            <Button
              variant="quiet"
              testId="contact-cancel"
              onClick={() => {
                setError(undefined);
                setStage('closed');
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </section>
      )}
      {stage === 'done' && (
        <p class="panel kind" role="status" tabIndex={-1} data-testid="contact-done">
          {t('popup.contactDone')}
        </p>
      )}
    </div>
  );
}
