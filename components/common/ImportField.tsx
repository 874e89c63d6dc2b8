/**
 * "Bring back a copy": a labelled file input that reads the chosen export and hands over its text.
 * Used on the options page (Your data) and in the set-up, so a backup can be restored after
 * "Erase everything" without skipping the set-up. The caller sends the text and says the outcome.
 */
import { useRef } from 'preact/hooks';
import { t } from '../../utils/copy';

export interface ImportFieldProps {
  id: string;
  testId: string;
  busy: boolean;
  /** The file's text; undefined when the file could not be read. */
  onFile(json: string | undefined): Promise<void>;
}

export function ImportField({ id, testId, busy, onFile }: ImportFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    let json: string | undefined;
    try {
      json = await file.text();
    } catch {
      json = undefined;
    }
    await onFile(json);
    // The same file can be chosen again after fixing it.
    if (input.current) input.current.value = '';
  };
  return (
    <div class="field">
      <label for={id}>{t('options.data.import')}</label>
      <p class="hint" id={`${id}-hint`}>
        {t('options.data.importHint')}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        accept="application/json,.json"
        aria-describedby={`${id}-hint`}
        data-testid={testId}
        disabled={busy}
        onChange={(event) => void onChange(event)}
      />
    </div>
  );
}
