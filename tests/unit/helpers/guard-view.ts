/** What the guard in a site's page reads of a core: the background's copy, through the guard's own view. */
import { guardCopyOf } from '../../../utils/data/guard-copy';
import { guardCoreFrom, type GuardCore } from '../../../utils/data/guard-core';
import { CoreSchema } from '../../../utils/data/schema';

export function guardView(raw: unknown): GuardCore | undefined {
  const core = CoreSchema.safeParse(raw);
  return core.success ? guardCoreFrom(guardCopyOf(core.data)) : undefined;
}
