/**
 * Version 3 of the stored document: what version 3 wrote (as `core` + `log` in `storage.local`,
 * joined into one document). Versions 3 and 4 have the same fields: version 4 changed only how the
 * document is stored (in parts, ./004-parts.ts), so this shape is the current one with version 3.
 * When a later version changes a field, copy the version 4 shape here first (FROZEN from then on).
 */
import '../zod-config';
import { z } from 'zod';
import { DocumentSchema } from '../schema';

export const V3DocumentSchema = DocumentSchema.extend({ version: z.literal(3) });
export type V3Document = z.infer<typeof V3DocumentSchema>;
