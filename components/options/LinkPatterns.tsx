/**
 * The person's own link patterns for sites we have no adapter for, with a live preview: the
 * person types example links and sees which ones the pattern would pause before. A pattern
 * pauses only where the browser gives the extension access to that site, so adding one asks for
 * it (inside the click), and a pattern still waiting for access says so with a way to allow it.
 */
import { useState } from 'preact/hooks';
import type { CustomPattern } from '../../utils/data/schema';
import {
  checkLinkPattern,
  linkPatternMatches,
  LINK_PATTERN_MAX_LENGTH,
  type PatternAccess,
  type SendMessage,
} from '../../utils/ui/options-model';
import { keyPart, t } from '../../utils/copy';
import { Button } from '../common/Button';
import { Field } from '../common/Field';
import { RemoveButton } from './RemoveButton';
import { StatusLine, useAction } from './StatusLine';

export interface LinkPatternsProps {
  personId: string;
  idPrefix: string;
  patterns: readonly CustomPattern[];
  access?: PatternAccess;
  send: SendMessage;
}

export function LinkPatterns({ personId, idPrefix, patterns, access, send }: LinkPatternsProps) {
  const [draft, setDraft] = useState('');
  const [accessNote, setAccessNote] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [examples, setExamples] = useState('');
  const action = useAction(send);
  const exampleUrls = examples
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const checked = draft.trim() ? checkLinkPattern(draft) : undefined;

  const add = async (event: Event) => {
    event.preventDefault();
    const result = checkLinkPattern(draft);
    if (!result.ok) {
      setProblem(t(`options.patterns.problem.${keyPart(result.problem)}`));
      return;
    }
    // Asked first, still inside the submit (permissions.request needs the person's gesture).
    const asked = access?.request(result.pattern);
    setAccessNote(undefined);
    const reply = await action.run({ type: 'custom-pattern-added', personId, pattern: result.pattern }, t('options.saved'));
    if (reply.ok) setDraft('');
    if (reply.ok && asked && !(await asked.catch(() => false))) setAccessNote(t('options.patterns.accessRefused'));
  };

  return (
    <section class="patterns" aria-labelledby={`${idPrefix}-patterns-title`}>
      <h4 id={`${idPrefix}-patterns-title`}>{t('options.patterns.title')}</h4>
      <p class="hint">{t('options.patterns.intro')}</p>
      <p class="hint">{t('options.patterns.scope')}</p>
      {patterns.length > 0 && (
        <ul class="rows" data-testid="pattern-list">
          {patterns.map((pattern) => (
            <li key={pattern.id} class="row" data-testid="pattern-row">
              <code>{pattern.pattern}</code>
              {access?.granted(pattern.pattern) === false && (
                <span class="access" data-testid="pattern-needs-access">
                  <span class="hint">{t('options.patterns.needsAccess')}</span>
                  <Button testId="pattern-allow" onClick={() => void access.request(pattern.pattern).catch(() => false)}>
                    {t('options.patterns.allowAccess')}
                  </Button>
                </span>
              )}
              <RemoveButton
                label={t('options.patterns.remove', [pattern.pattern])}
                testId="pattern-remove"
                disabled={action.busy}
                onClick={() => void action.run({ type: 'custom-pattern-removed', patternId: pattern.id })}
              />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate>
        <Field
          id={`${idPrefix}-pattern`}
          label={t('options.patterns.label')}
          hint={t('options.patterns.hint')}
          value={draft}
          onInput={(value) => {
            setDraft(value);
            setProblem(undefined);
          }}
          error={problem}
          maxLength={LINK_PATTERN_MAX_LENGTH}
          testId="pattern-input"
        />
        <Field
          id={`${idPrefix}-pattern-examples`}
          label={t('options.patterns.previewLabel')}
          value={examples}
          onInput={setExamples}
          multiline
          testId="pattern-examples"
        />
        {checked?.ok && exampleUrls.length > 0 && (
          <div class="preview" aria-live="polite">
            <p>{t('options.patterns.previewTitle')}</p>
            <ul data-testid="pattern-preview">
              {exampleUrls.map((url, index) => {
                const matches = linkPatternMatches(checked.pattern, url);
                return (
                  <li key={`${index}-${url}`} data-matches={matches ? 'true' : 'false'}>
                    <span class={matches ? 'badge badge-on' : 'badge'}>
                      {matches ? t('options.patterns.matches') : t('options.patterns.noMatch')}
                    </span>{' '}
                    <code>{url}</code>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <div class="actions">
          <Button type="submit" testId="pattern-add" disabled={action.busy || !draft.trim()}>
            {t('options.patterns.add')}
          </Button>
        </div>
        <StatusLine outcome={action.outcome} />
        {accessNote && (
          <p class="hint" role="status" data-testid="pattern-access-note">
            {accessNote}
          </p>
        )}
      </form>
    </section>
  );
}
