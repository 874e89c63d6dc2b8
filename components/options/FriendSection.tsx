/**
 * "Reach a friend instead": one friend's link (a messaging app's https link, mailto:, sms: or tel:)
 * and a message prepared now, in a calm moment. The pause then offers "Message a friend instead";
 * the extension never sends anything itself.
 */
import { useState } from 'preact/hooks';
import type { Friend } from '../../utils/data/schema';
import { readFriendLink } from '../../utils/friend/friend-link';
import type { SendMessage } from '../../utils/ui/options-model';
import { keyPart, t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';
import { StatusLine, useAction, useSavedValue } from './StatusLine';

export interface FriendSectionProps {
  friend: Friend | undefined;
  send: SendMessage;
}

export function FriendSection({ friend, send }: FriendSectionProps) {
  const [link, setLink] = useSavedValue(friend?.link ?? '');
  const [message, setMessage] = useSavedValue(friend?.message ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const action = useAction(send);

  const save = async (event: Event) => {
    event.preventDefault();
    const read = readFriendLink(link);
    if (!read.ok) return setProblem(t(`options.friend.problem.${keyPart(read.problem)}`));
    await action.run({ type: 'friend-saved', link: read.url.href, message: message.trim() }, t('options.friend.saved'));
  };

  return (
    <section id="friend" class="section" aria-labelledby="friend-title">
      <h2 id="friend-title">{t('options.friend.title')}</h2>
      <p class="intro">{t('options.friend.intro')}</p>
      <form noValidate onSubmit={save} data-testid="friend-form">
        <Field
          id="friend-link"
          label={t('options.friend.linkLabel')}
          hint={t('options.friend.linkHint')}
          value={link}
          maxLength={2000}
          inputMode="url"
          onInput={(value) => {
            setLink(value);
            setProblem(undefined);
          }}
          error={problem}
          testId="friend-link"
        />
        <Field
          id="friend-message"
          multiline
          label={t('options.friend.messageLabel')}
          hint={t('options.friend.messageHint')}
          value={message}
          maxLength={1000}
          onInput={setMessage}
          testId="friend-message"
        />
        <div class="actions">
          <Button type="submit" testId="friend-save" disabled={action.busy}>
            {t('options.friend.save')}
          </Button>
          {friend && (
            <Button variant="quiet" testId="friend-remove" disabled={action.busy} onClick={() => void action.run({ type: 'friend-removed' }, t('options.friend.removed'))}>
              {t('options.friend.remove')}
            </Button>
          )}
        </div>
      </form>
      <StatusLine outcome={action.outcome} testId="friend-status" />
    </section>
  );
}
