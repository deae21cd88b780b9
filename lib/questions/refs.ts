import { z } from "zod";
import type { DrawnQuestion } from "./draw";

/**
 * The questions an attempt or a session was dealt, as they are stored: each
 * question at the version it was drawn at, with its choices in the order
 * that player or class sees them. Stored data is untrusted like any input
 * (an older deploy may have written it), so it is read through a schema.
 */

export interface QuestionRef {
  id: string;
  version: number;
  /** Choice ids in display order. */
  order: string[];
}

const StoredRefs = z.array(z.object({ id: z.string().min(1), v: z.number().int().min(1), o: z.array(z.string()) }));

export function refsOf(drawn: readonly DrawnQuestion[]): QuestionRef[] {
  return drawn.map(({ question, order }) => ({ id: question.id, version: question.version, order }));
}

export function encodeRefs(refs: readonly QuestionRef[]): string {
  return JSON.stringify(refs.map(({ id, version, order }) => ({ id, v: version, o: order })));
}

/** null when missing or unreadable. */
export function decodeRefs(raw: string | undefined): QuestionRef[] | null {
  if (raw === undefined) return null;
  try {
    return StoredRefs.parse(JSON.parse(raw)).map(({ id, v, o }) => ({ id, version: v, order: o }));
  } catch {
    return null;
  }
}
