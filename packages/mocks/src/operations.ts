// What the mock front knows of each operation of the spec, read from Prism's own model in Prism's
// process (prism-process.ts) and sent to the front as JSON (routing is in router.ts).
import { credentialRules, type CredentialRule, type PrismOperation } from './credential-check.js';

/** One documented response of an operation, as the front needs it (no schemas: Prism judges those). */
export interface ResponseModel {
  /** `200`, `404`, or a range such as `4XX`. */
  code: string;
  /** The media type of its first content (JSON preferred); none for a body-less response. */
  mediaType?: string;
  /** The names of its content's examples, in the spec's order. */
  examples: string[];
  /** Its first example's value, when it has one. */
  example?: unknown;
  /** The headers it documents, with their example values when given. */
  headers: { name: string; example?: unknown }[];
}

/** An operation: where it lives, its credentials rule (credential-check.ts) and its responses. */
export interface OperationModel extends CredentialRule {
  /** The spec's operationId (Prism's generated id when the spec gives none). */
  operationId: string;
  /** The spec marks it deprecated (Prism then answers with `Deprecation: true`). */
  deprecated?: boolean;
  responses: ResponseModel[];
}

/** The spec as the front sees it: every operation, and the header names that carry credentials. */
export interface SpecModel {
  operations: OperationModel[];
  /** Lower-case names of the headers the spec's API-key schemes use (journal redaction). */
  credentialHeaders: string[];
}

/** The parts of Prism's IHttpOperation read here, on top of credential-check's. */
interface PrismModelOperation extends PrismOperation {
  id: string;
  iid?: string;
  deprecated?: boolean;
  responses: (PrismOperation['responses'][number] & {
    headers?: { name: string; examples?: { value?: unknown }[] }[];
  })[];
  security?: (NonNullable<PrismOperation['security']>[number][number] & { in?: string; name?: string })[][];
}

const JSON_TYPE = /^application\/(.+\+)?json\b/;

/** Runs in Prism's process, over the operations Prism has just read. */
export function specModel(operations: readonly PrismModelOperation[]): SpecModel {
  const rules = credentialRules(operations);
  const credentialHeaders = new Set<string>();
  for (const operation of operations) {
    for (const alternative of operation.security ?? []) {
      for (const scheme of alternative) if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name) credentialHeaders.add(scheme.name.toLowerCase());
    }
  }
  return {
    operations: operations.map((operation, i) => ({
      ...rules[i]!,
      operationId: operation.iid ?? operation.id,
      ...(operation.deprecated ? { deprecated: true } : {}),
      responses: operation.responses.map((response) => {
        const contents = response.contents ?? [];
        const content = contents.find((c) => JSON_TYPE.test(c.mediaType)) ?? contents[0];
        // Prism names a singular `example` `__default`: usable as a value, not as a `Prefer: example=` name.
        const examples = content?.examples ?? [];
        const first = examples.find((e) => e.value !== undefined);
        return {
          code: response.code,
          ...(content ? { mediaType: content.mediaType } : {}),
          examples: examples.map((e) => e.key).filter((key) => key !== '__default'),
          ...(first ? { example: first.value } : {}),
          headers: (response.headers ?? []).map((header) => {
            const example = header.examples?.find((e) => e.value !== undefined);
            return { name: header.name, ...(example ? { example: example.value } : {}) };
          }),
        };
      }),
    })),
    credentialHeaders: [...credentialHeaders],
  };
}

/** The response an operation documents for `status` (an exact code, else its range such as `4XX`, else `default`). */
export function responseFor(operation: OperationModel, status: number): ResponseModel | undefined {
  const code = String(status);
  return (
    operation.responses.find((r) => r.code === code) ??
    operation.responses.find((r) => r.code.toUpperCase() === `${code[0]}XX`) ??
    operation.responses.find((r) => r.code === 'default')
  );
}

export const isJson = (mediaType: string | undefined) => mediaType !== undefined && JSON_TYPE.test(mediaType);
