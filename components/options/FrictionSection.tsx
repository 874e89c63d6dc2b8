/**
 * How firm the pause is, the cool-down, and pausing the whole guard. A firmer pause applies at
 * once; a gentler one, a shorter cool-down and a paused guard wait for the cool-down (the
 * background decides and files them under "waiting changes").
 */
import { useState } from 'preact/hooks';
import type { CoolDown, Friction, Settings } from '../../utils/data/schema';
import { frictionChangeTiming, type SendMessage } from '../../utils/ui/options-model';
import { t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';
import { StatusLine, useAction, useSavedValue } from './StatusLine';

const FRICTIONS: readonly Friction[] = ['gentle', 'firm', 'strict'];
const COOL_DOWNS: readonly CoolDown[] = ['none', '1h', '24h'];

export interface FrictionSectionProps {
  settings: Settings;
  send: SendMessage;
}

export function FrictionSection({ settings, send }: FrictionSectionProps) {
  const [friction, setFriction] = useSavedValue<Friction>(settings.friction);
  const [phrase, setPhrase] = useSavedValue(settings.strictPhrase);
  const [phraseError, setPhraseError] = useState<string | undefined>();
  const [coolDown, setCoolDown] = useSavedValue<CoolDown>(settings.coolDown);
  const frictionAction = useAction(send);
  const coolDownAction = useAction(send);
  const guardAction = useAction(send);

  const saveFriction = async (event: Event) => {
    event.preventDefault();
    if (friction === 'strict' && !phrase.trim()) {
      setPhraseError(t('options.friction.phraseNeeded'));
      return;
    }
    const timing = frictionChangeTiming(settings.friction, friction, settings.coolDown);
    const reply = await frictionAction.run(
      { type: 'friction-changed', friction, ...(friction === 'strict' && { strictPhrase: phrase.trim() }) },
      timing === 'after-cool-down' ? t('options.friction.savedLater') : t('options.friction.savedNow'),
    );
    // A gentler level is only waiting: the radios keep showing the level in force until it lands.
    if (reply.ok && timing === 'after-cool-down') setFriction(settings.friction);
  };

  const saveCoolDown = (event: Event) => {
    event.preventDefault();
    void coolDownAction.run({ type: 'cool-down-changed', coolDown }, t('options.saved'));
  };

  return (
    <section id="friction" class="section" aria-labelledby="friction-title">
      <h2 id="friction-title">{t('options.friction.title')}</h2>
      <p class="intro">{t('options.friction.intro')}</p>
      <form onSubmit={saveFriction} noValidate>
        <fieldset class="choices">
          <legend>{t('options.friction.legend')}</legend>
          {FRICTIONS.map((level) => (
            <label key={level} class="choice">
              <input
                type="radio"
                name="friction"
                value={level}
                checked={friction === level}
                data-testid={`friction-${level}`}
                onChange={() => setFriction(level)}
              />
              {t(`options.friction.${level}`)}
            </label>
          ))}
        </fieldset>
        {friction === 'strict' && (
          <Field
            id="strict-phrase"
            label={t('options.friction.phraseLabel')}
            hint={t('options.friction.phraseHint')}
            value={phrase}
            onInput={(value) => {
              setPhrase(value);
              setPhraseError(undefined);
            }}
            error={phraseError}
            maxLength={200}
            testId="strict-phrase-input"
          />
        )}
        <div class="actions">
          <Button type="submit" variant="primary" testId="friction-save" disabled={frictionAction.busy}>
            {t('options.friction.save')}
          </Button>
        </div>
        <StatusLine outcome={frictionAction.outcome} testId="friction-outcome" />
      </form>

      <h3>{t('options.coolDown.title')}</h3>
      <p class="intro">{t('options.coolDown.intro')}</p>
      <form onSubmit={saveCoolDown} noValidate>
        <fieldset class="choices">
          <legend>{t('options.coolDown.legend')}</legend>
          {COOL_DOWNS.map((choice) => (
            <label key={choice} class="choice">
              <input
                type="radio"
                name="cool-down"
                value={choice}
                checked={coolDown === choice}
                data-testid={`cool-down-${choice}`}
                onChange={() => setCoolDown(choice)}
              />
              {t(`options.coolDown.${choice}`)}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <Button type="submit" testId="cool-down-save" disabled={coolDownAction.busy || coolDown === settings.coolDown}>
            {t('options.coolDown.save')}
          </Button>
        </div>
        <StatusLine outcome={coolDownAction.outcome} />
      </form>

      <h3>{t('options.guard.title')}</h3>
      <p data-testid="guard-state">{settings.paused ? t('options.guard.paused') : t('options.guard.active')}</p>
      <div class="actions">
        {settings.paused ? (
          <Button variant="primary" testId="guard-resume" disabled={guardAction.busy} onClick={() => void guardAction.run({ type: 'guard-resumed' })}>
            {t('options.guard.resume')}
          </Button>
        ) : (
          <Button
            variant="quiet"
            testId="guard-pause"
            disabled={guardAction.busy || settings.pending.some((change) => change.kind === 'pause-guard')}
            onClick={() => void guardAction.run({ type: 'guard-pause-requested' })}
          >
            {t('options.guard.pause')}
          </Button>
        )}
      </div>
      <StatusLine outcome={guardAction.outcome} />
    </section>
  );
}
