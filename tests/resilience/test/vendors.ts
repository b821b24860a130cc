// The vendor cases every fault test runs against, built from the registry and each vendor's spec:
// one case per registered vendor and security scheme, with a read and an idempotent update
// operation the spec declares, their arguments from the spec's examples and the bodies a server
// would send from its response examples. Registering a vendor is enough to put it under test.
import { pathToFileURL } from 'node:url';
import type { CallOptions, ClientOptions } from '@parley/runtime';
import type { VendorProfile } from '@parley/runtime/internal';
import { credentialsFor } from '@parley/testkit/credentials';
import { errorExamples, pathExample, requestExample, responseExamples } from '@parley/testkit/fixtures';
import { credentialSchemes } from '../../../tools/codegen/render.mjs';
import { loadSpec, operationsOf, type SpecOperation } from '../../../tools/codegen/spec.mjs';
import { vendors, type VendorEntry } from '../../../tools/registry.mjs';

type Result = { data?: unknown; error?: unknown; response: Response };
/** A generated operation, seen without its types: `op(client, args, options?)` and `op.orThrow(…)`. */
interface OperationFunction {
  (client: object, args: object, options?: CallOptions): Promise<Result>;
  orThrow(client: object, args: object, options?: CallOptions): Promise<unknown>;
}

export interface VendorOperation {
  operationId: string;
  /** Upper case, as on the request line. */
  method: string;
  /** The spec's path template: `/chats/{chatId}`. */
  path: string;
  /** Path parameters from the spec's examples, and the first request body example. */
  args: { path?: Record<string, unknown>; body?: unknown };
  call: OperationFunction;
}

export interface VendorCase {
  /** The vendor id, followed by the security scheme's name when the spec has several: `acme (basicAuth)`. */
  name: string;
  vendor: VendorEntry;
  profile: VendorProfile;
  /** The credential that must never appear in errors or logs. */
  secret: string;
  /** A client against `baseUrl` with the given options. */
  create(baseUrl: string, options?: ClientOptions): object;
  /** A GET of one resource: the GET with the most path parameters. */
  readOp: VendorOperation;
  /** A PUT, or an operation marked `x-parley-idempotent`: one the client retries (the read when the spec has none). */
  updateOp: VendorOperation;
  /** The read operation, throwing style. */
  read(client: object, options?: CallOptions): Promise<unknown>;
  /** The read operation, result style. */
  readResult(client: object, options?: CallOptions): Promise<Result>;
  /** The update operation, throwing style. */
  update(client: object, options?: CallOptions): Promise<unknown>;
  /** A success body both operations accept (a 2xx example the profile does not call a failure). */
  okBody: string;
  /** The vendor's own error body for a status: that status's example, else another error example. */
  errorBody(status: number): string;
  /** 2xx examples the profile reports as failures (an envelope saying it failed); often none. */
  failureBodies: string[];
}

// The built package, by file: this suite depends on no vendor package by name (only on
// @parley/unified, so that turbo builds every vendor first).
const load = (vendor: VendorEntry, file: string): Promise<Record<string, unknown>> =>
  import(pathToFileURL(`${vendor.packageDir}dist/${file}`).href);

async function casesOf(vendor: VendorEntry): Promise<VendorCase[]> {
  const spec = loadSpec(vendor.specFile);
  const [client, profiles] = await Promise.all([load(vendor, 'index.js'), load(vendor, 'profile.js')]);
  const profile = profiles[vendor.identifiers.profile] as VendorProfile;
  const factory = client[vendor.identifiers.factory] as (options: object) => object;
  const operations = operationsOf(spec);
  const need = (what: string, found: SpecOperation | undefined) => {
    if (!found) throw new Error(`tests/resilience: specs/${vendor.id}/openapi.yaml declares no ${what}`);
    return found;
  };
  const toOperation = (op: SpecOperation): VendorOperation => {
    if (op.query?.required || op.header?.required) {
      throw new Error(`tests/resilience: ${vendor.id} ${op.operationId} needs query or header arguments`);
    }
    const args: VendorOperation['args'] = {};
    if (op.path_) args.path = pathExample(vendor.id, op.operationId);
    if (op.body) args.body = requestExample(vendor.id, op.operationId);
    return { operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, args, call: client[op.operationId] as OperationFunction };
  };
  // The GET of one resource: of the GETs with path parameters, the one with the most.
  const parameterCount = (op: SpecOperation) => op.path.split('{').length - 1;
  const reads = operations.filter((op) => op.method === 'get' && op.path_).sort((a, b) => parameterCount(b) - parameterCount(a));
  const readOp = toOperation(need('GET with path parameters', reads[0]));
  const updates = operations.filter((op) => op.method !== 'get' && (op.method === 'put' || op.idempotent === true));
  // A vendor whose spec has no idempotent write yet (a new one, as scaffolded) is retried on its read.
  const updateOp = updates[0] ? toOperation(updates[0]) : readOp;

  // Bodies from the spec's examples, update operation first (its answers are the richer ones).
  const ops = [...new Set([updateOp, readOp])];
  const successes = ops.flatMap((op) => Object.values(responseExamples(vendor.id, op.operationId, 200)));
  const fails = (body: unknown) => profile.failureIn?.(body) !== undefined;
  const ok = successes.find((body) => !fails(body));
  if (ok === undefined) throw new Error(`tests/resilience: specs/${vendor.id}: no 200 example of ${updateOp.operationId} or ${readOp.operationId}`);
  const anyError = ops.flatMap((op) => errorExamples(vendor.id, op.operationId))[0];
  if (!anyError) {
    throw new Error(`tests/resilience: specs/${vendor.id}: no error response example of ${updateOp.operationId} or ${readOp.operationId}`);
  }
  const errorBody = (status: number) => {
    const exact = ops.map((op) => Object.values(responseExamples(vendor.id, op.operationId, status))[0]).find((body) => body !== undefined);
    return JSON.stringify(exact ?? anyError.value);
  };

  const schemes = credentialSchemes(spec);
  return schemes.map((scheme) => {
    const secret = `parley-${vendor.id}-${scheme.key}-secret-4815162342`;
    const credentials = credentialsFor(scheme, secret);
    return {
      name: schemes.length > 1 ? `${vendor.id} (${scheme.key})` : vendor.id,
      vendor,
      profile,
      secret,
      create: (baseUrl, options) => factory({ ...credentials, ...options, baseUrl }),
      readOp,
      updateOp,
      read: (c, options) => readOp.call.orThrow(c, readOp.args, options),
      readResult: (c, options) => readOp.call(c, readOp.args, options),
      update: (c, options) => updateOp.call.orThrow(c, updateOp.args, options),
      okBody: JSON.stringify(ok),
      errorBody,
      failureBodies: successes.filter(fails).map((body) => JSON.stringify(body)),
    };
  });
}

export const vendorCases: VendorCase[] = (await Promise.all(vendors().map(casesOf))).flat();
/** One case per vendor, for tests that do not depend on the credentials. */
export const oneCasePerVendor: VendorCase[] = vendorCases.filter((c, i) => vendorCases.findIndex((other) => other.vendor.id === c.vendor.id) === i);
