/** Reasons and "instead" ideas: a list of the person's own sentences, added and removed one by one. */
import { useState } from 'preact/hooks';
import type { Message } from '../../utils/data/messages';
import type { TextItem } from '../../utils/data/schema';
import type { SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';
import { RemoveButton } from './RemoveButton';
import { StatusLine, useAction } from './StatusLine';

export interface TextListSectionProps {
  kind: 'reasons' | 'instead';
  items: readonly TextItem[];
  send: SendMessage;
}

export function TextListSection({ kind, items, send }: TextListSectionProps) {
  const [draft, setDraft] = useState('');
  const action = useAction(send);
  const addMessage = (text: string): Message =>
    kind === 'reasons' ? { type: 'reason-added', text } : { type: 'instead-idea-added', text };
  const removeMessage = (id: string): Message =>
    kind === 'reasons' ? { type: 'reason-removed', reasonId: id } : { type: 'instead-idea-removed', ideaId: id };

  const add = async (event: Event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    const reply = await action.run(addMessage(text));
    if (reply.ok) setDraft('');
  };

  return (
    <section id={kind} class="section" aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`}>{t(`options.${kind}.title`)}</h2>
      <p class="intro">{t(`options.${kind}.intro`)}</p>
      {items.length === 0 ? (
        <p>{t(`options.${kind}.empty`)}</p>
      ) : (
        <ul class="rows" data-testid={`${kind}-list`}>
          {items.map((item) => (
            <li key={item.id} class="row" data-testid={`${kind}-row`}>
              <span class="text">{item.text}</span>
              <RemoveButton
                label={t(`options.${kind}.remove`, [item.text])}
                testId={`${kind}-remove`}
                disabled={action.busy}
                onClick={() => void action.run(removeMessage(item.id))}
              />
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={add} noValidate>
        <Field id={`${kind}-new`} label={t(`options.${kind}.label`)} value={draft} onInput={setDraft} maxLength={500} testId={`${kind}-input`} />
        <Button type="submit" testId={`${kind}-add`} disabled={action.busy || !draft.trim()}>
          {t(`options.${kind}.add`)}
        </Button>
      </form>
      <StatusLine outcome={action.outcome} />
    </section>
  );
}
