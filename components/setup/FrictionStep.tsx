/**
 * Set-up step 5: how firm the pause is. Strict asks for a phrase the person will type in the
 * moment. Saved with `friction-changed`.
 */
import { useState } from 'preact/hooks';
import type { Message, Reply } from '../../utils/data/messages';
import type { Friction } from '../../utils/data/schema';
import { FRICTIONS } from '../../utils/data/friction';
import { frictionReady } from '../../utils/ui/popup-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';

export interface FrictionStepProps {
  initialFriction: Friction;
  initialPhrase: string;
  onSave(message: Message): Promise<Reply>;
  onDone(): void;
}

export function FrictionStep({ initialFriction, initialPhrase, onSave, onDone }: FrictionStepProps) {
  const [friction, setFriction] = useState<Friction>(initialFriction);
  const [phrase, setPhrase] = useState(initialPhrase);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!frictionReady(friction, phrase)) {
      setError(t('setup.friction.phraseNeeded'));
      return;
    }
    const reply = await onSave(
      friction === 'strict'
        ? { type: 'friction-changed', friction, strictPhrase: phrase.trim() }
        : { type: 'friction-changed', friction },
    );
    if (reply.ok) onDone();
    else setError(reply.error);
  };

  return (
    <form class="step" noValidate onSubmit={submit} data-testid="setup-friction">
      <h2 tabIndex={-1}>{t('setup.friction.title')}</h2>
      <fieldset>
        <legend>{t('setup.friction.intro')}</legend>
        {FRICTIONS.map((level) => (
          <label class="choice" key={level}>
            <input
              type="radio"
              name="friction"
              value={level}
              checked={friction === level}
              data-testid={`setup-friction-${level}`}
              onChange={() => {
                setFriction(level);
                setError(undefined);
              }}
            />
            {t(`setup.friction.${level}`)}
          </label>
        ))}
      </fieldset>
      {friction === 'strict' && (
        <Field
          id="setup-phrase"
          label={t('setup.friction.phraseLabel')}
          hint={t('setup.friction.phraseHint')}
          value={phrase}
          maxLength={200}
          onInput={(value) => {
            setPhrase(value);
            setError(undefined);
          }}
          error={error}
          testId="setup-phrase-input"
        />
      )}
      {friction !== 'strict' && error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <Button type="submit" variant="primary" testId="setup-next">
          {t('common.next')}
        </Button>
      </div>
    </form>
  );
}
