/** How long the breathing pause lasts before "continue" is offered, per friction level (design.md). */
import type { Friction } from './schema';

export const PAUSE_SECONDS: Record<Friction, number> = {
  gentle: 5,
  firm: 15,
  strict: 15,
};

const STRENGTH: Record<Friction, number> = { gentle: 0, firm: 1, strict: 2 };

/** Lowering friction waits for the cool-down; raising it is immediate. */
export function isLowering(from: Friction, to: Friction): boolean {
  return STRENGTH[to] < STRENGTH[from];
}
