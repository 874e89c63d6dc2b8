/**
 * When a stored document fails validation, keep every part of it that is still valid: one bad
 * event or one empty journal entry must not take the people list (and so the guard) with it
 * (issue "Hardening": a single damaged event used to set aside everything, and the person was sent
 * back to the set-up with the guard off). The whole original is kept aside by the store anyway;
 * this decides what goes on working. Pure: no storage, no clock.
 *
 * Field by field against the current schema: a field that parses is kept; a list keeps the items
 * that parse on their own; a group of fields is salvaged the same way, one level at a time; what
 * cannot be kept takes the fresh document's value. The result must parse as a whole (rules across
 * fields included), or nothing is salvaged.
 */
import './zod-config';
import { z } from 'zod';
import { DocumentSchema, type StoredDocument } from './schema';
import { isRecord } from './is-record';

export interface Salvaged {
  doc: StoredDocument;
  /** Dotted paths of what could not be kept ("events.recent", "journal"), for the notice. */
  lost: string[];
}


/** Salvages `value` against `schema`, falling back to `fresh`. Depth-bounded: the schema is shallow. */
function salvageValue(schema: z.ZodType, value: unknown, fresh: unknown, path: string, lost: string[], depth: number): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  if (depth < 4 && schema instanceof z.ZodArray && Array.isArray(value)) {
    const element = schema.element as z.ZodType;
    const kept = value.filter((item) => element.safeParse(item).success);
    const again = schema.safeParse(kept);
    if (again.success) {
      lost.push(path);
      return again.data;
    }
  }
  if (depth < 4 && schema instanceof z.ZodObject && isRecord(value) && isRecord(fresh)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      out[key] = salvageValue(field, value[key], fresh[key], path ? `${path}.${key}` : key, lost, depth + 1);
    }
    const again = schema.safeParse(out);
    if (again.success) return again.data;
  }
  lost.push(path || 'everything');
  return fresh;
}

/**
 * What can be kept of a current-version document that failed validation; undefined when it is not
 * one at all (another version, not an object) or nothing consistent could be rebuilt.
 */
export function salvageDocument(raw: unknown, fresh: StoredDocument): Salvaged | undefined {
  if (!isRecord(raw) || raw.version !== fresh.version) return undefined;
  const lost: string[] = [];
  const candidate = salvageValue(DocumentSchema, raw, fresh, '', lost, 0);
  const parsed = DocumentSchema.safeParse(candidate);
  if (!parsed.success) return undefined;
  return { doc: parsed.data, lost: [...new Set(lost)].filter((p) => p !== 'everything') };
}
