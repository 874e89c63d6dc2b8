/**
 * A labelled text input (or text area) with an optional hint and error, wired with
 * aria-describedby / aria-invalid so a screen reader reads the hint and the error with the field.
 */
import { useAutoFocus } from './auto-focus';

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'number' | 'date';
  multiline?: boolean;
  hint?: string;
  error?: string;
  testId?: string;
  autoFocus?: boolean;
  maxLength?: number;
  min?: string;
  max?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'url' | 'numeric';
}

export function Field(props: FieldProps) {
  const ref = useAutoFocus<HTMLInputElement & HTMLTextAreaElement>(props.autoFocus);
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const onInput = (event: Event) => props.onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
  const shared = {
    ref,
    id: props.id,
    value: props.value,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? true : undefined,
    'data-testid': props.testId,
    autoFocus: props.autoFocus,
    maxLength: props.maxLength,
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea {...shared} rows={3} onInput={onInput} />
      ) : (
        <input
          {...shared}
          // preact 11 types <input> as a union keyed by `type`; a variable type needs one member named.
          type={(props.type ?? 'text') as 'text'}
          min={props.min}
          max={props.max}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          onInput={onInput}
        />
      )}
      {props.error && (
        <p class="error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
