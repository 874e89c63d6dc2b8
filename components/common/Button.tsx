/**
 * The one button of the popup, the set-up and the options page. `primary` is the calm default
 * choice; `quiet` is for choices we do not want to push. Always `type="button"` unless told.
 */
import type { ComponentChildren } from 'preact';
import { useAutoFocus } from './auto-focus';

export interface ButtonProps {
  children: ComponentChildren;
  variant?: 'primary' | 'plain' | 'quiet';
  type?: 'button' | 'submit';
  disabled?: boolean;
  testId?: string;
  autoFocus?: boolean;
  onClick?(event: MouseEvent): void;
}

export function Button({ children, variant = 'plain', type = 'button', disabled, testId, autoFocus, onClick }: ButtonProps) {
  const ref = useAutoFocus<HTMLButtonElement>(autoFocus);
  return (
    <button ref={ref} type={type} class={`btn btn-${variant}`} disabled={disabled} data-testid={testId} autoFocus={autoFocus} onClick={onClick}>
      {children}
    </button>
  );
}
