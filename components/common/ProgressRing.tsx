/**
 * A ring that fills as the goal comes closer, with the day count in its middle. The SVG is
 * decorative; the accessible text is `label` ("12 of 30 days"), exposed through role="img".
 */
import type { ComponentChildren } from 'preact';
import { ringStroke } from '../../utils/ui/popup-model';

export interface ProgressRingProps {
  fraction: number;
  label: string;
  children?: ComponentChildren;
  testId?: string;
}

const RADIUS = 52;

export function ProgressRing({ fraction, label, children, testId }: ProgressRingProps) {
  const stroke = ringStroke(fraction, RADIUS);
  return (
    <div class="ring" data-testid={testId}>
      <svg viewBox="0 0 120 120" role="img" aria-label={label}>
        <circle class="ring-track" cx="60" cy="60" r={RADIUS} />
        <circle
          class="ring-fill"
          cx="60"
          cy="60"
          r={RADIUS}
          stroke-dasharray={stroke.dashArray}
          stroke-dashoffset={stroke.dashOffset}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <div class="ring-centre">{children}</div>
    </div>
  );
}
