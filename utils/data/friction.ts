/** How long the breathing pause lasts before "continue" is offered, per friction level (design.md). */
import type { Friction } from './schema';

/**
 * The friction levels, mildest first: the schema's enum is made from this list, and the set-up
 * reads it here, so the pages do not load the whole stored document's schema (and zod) for it.
 */
export const FRICTIONS = ['gentle', 'firm', 'strict'] as const;

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
