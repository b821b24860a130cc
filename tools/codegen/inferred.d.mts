// Types of inferred.mjs.
import type { Spec } from './spec.mjs';

export const INFERRED: 'x-parley-inferred';
export interface InferredFact {
  /** The keys from the document root to the marked node. */
  keys: string[];
  /** The same, for people: `PATCH /a/{b} › responses › 409`. */
  where: string;
  reason: string;
}
export function describeLocation(keys: string[]): string;
export function inferredFacts(spec: Spec): { facts: InferredFact[]; defects: string[] };
