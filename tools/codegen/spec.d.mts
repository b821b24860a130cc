// Types of spec.mjs, for the TypeScript that reads specs with it (tests, the test kit).

/** A parsed OpenAPI document; the generator reads it loosely. */
export type Spec = Record<string, any>;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** One operation as the generator sees it. */
export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  /** The path template: `/chats/{chatId}`. */
  path: string;
  summary?: string;
  deprecated: boolean;
  /** `x-parley-idempotent`, when the spec says. */
  idempotent?: boolean;
  /** The operation's `security` is `[]`: it is sent without credentials. */
  anonymous: boolean;
  /** Present when the operation has path parameters (named `path_`: `path` is the template). */
  path_?: { required: boolean };
  query?: { required: boolean };
  header?: { required: boolean };
  body?: { required: boolean; mediaType: string | undefined };
  successMediaType?: string;
  /** Success statuses declared without a body. */
  noContent: number[];
}

export function loadSpec(file: string): Spec;
/** Follows a local `#/…` reference until a value without `$ref`. */
export function resolve<T = any>(spec: Spec, value: unknown): T;
/** An operation's parameters, `$ref`s resolved; its own override the path item's. */
export function operationParameters(spec: Spec, item: Record<string, any>, operation: Record<string, any>): Record<string, any>[];
/** Every operation of the spec, in document order. */
export function operationsOf(spec: Spec): SpecOperation[];
