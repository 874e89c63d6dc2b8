/**
 * The outcome of one change on the options page, said where the change was asked for: a polite
 * "saved" or an error the screen reader announces at once. `useAction` sends one message and
 * keeps that outcome, so each section reports its own result.
 */
import { useState } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import type { SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';

export type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string; where?: string };

export function useAction(send: SendMessage) {
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (message: Message, okText?: string): Promise<Reply> => {
    setBusy(true);
    let reply: Reply;
    try {
      reply = await send(message);
    } catch {
      // The background could not be reached (an update, say): nothing was changed.
      reply = { ok: false, error: t('errors.unexpected') };
    }
    setBusy(false);
    if (reply.ok) setOutcome(okText === undefined ? undefined : { kind: 'ok', text: okText });
    else setOutcome({ kind: 'error', text: reply.error, ...(reply.where !== undefined && { where: reply.where }) });
    return reply;
  };
  return { outcome, busy, run, setOutcome };
}

/**
 * A form value that starts from the saved one and follows it when the saved value changes (in
 * another tab, or when a waiting change lands), without undoing what the person is choosing now.
 * An edit belongs to the saved value it was made over: once that changes, the new saved value
 * shows in the same render (an effect would leave one frame showing the old choice).
 */
export function useSavedValue<T>(saved: T): [T, (value: T) => void] {
  const [edit, setEdit] = useState<{ value: T; over: T }>({ value: saved, over: saved });
  const value = Object.is(edit.over, saved) ? edit.value : saved;
  return [value, (next: T) => setEdit({ value: next, over: saved })];
}

export interface StatusLineProps {
  outcome: Outcome | undefined;
  testId?: string;
  id?: string;
}

export function StatusLine({ outcome, testId, id }: StatusLineProps) {
  if (outcome?.kind === 'error') {
    return (
      <div class="error" role="alert" data-testid={testId} id={id}>
        <p>{outcome.text}</p>
        {outcome.where && <p data-testid={testId ? `${testId}-where` : undefined}>{t('options.data.where', [outcome.where])}</p>}
      </div>
    );
  }
  return (
    <p class="status" role="status" id={id} data-testid={testId}>
      {outcome?.text ?? ''}
    </p>
  );
}
