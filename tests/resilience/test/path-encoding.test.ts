// Path parameters stay inside their own segment, proven on the raw request line a server
// receives: for every registered vendor, the read and update operations (those with path
// parameters) get hostile values in their last path parameter, the resource id.
import { ParleyError } from '@parley/runtime';
import { startFaultServer, type FaultServer } from '@parley/testkit/fault-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneCasePerVendor, type VendorOperation } from './vendors.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.stop());

const hostile = [
  ['../../admin', '..%2F..%2Fadmin'],
  ['a/b?x=1#y', 'a%2Fb%3Fx%3D1%23y'],
  ['%2e%2e', '%252e%252e'],
  ['CPT 1/ü', 'CPT%201%2F%C3%BC'],
] as const;

/** The operation's arguments with `value` as its last path parameter, and that parameter's name. */
function withLastParameter(op: VendorOperation, value: string) {
  const path = op.args.path!;
  const name = Object.keys(path).at(-1)!;
  return { name, args: { ...op.args, path: { ...path, [name]: value } } };
}

describe.each(oneCasePerVendor)('$name path parameters', (vendor) => {
  const client = () => vendor.create(server.url, { retry: false });
  const operations = [...new Set([vendor.readOp, vendor.updateOp])].filter((op) => op.args.path);

  describe.each(operations)('$operationId', (op) => {
    it.each(hostile)('sends %j as one encoded segment', async (id, encoded) => {
      server.script({ kind: 'reply', status: 200, body: vendor.okBody });
      const { name, args } = withLastParameter(op, id);
      await op.call.orThrow(client(), args);
      const segment = (param: string) => (param === name ? encoded : encodeURIComponent(String(args.path[param])));
      const expected = op.path.replace(/\{([^{}]+)\}/g, (_, param: string) => segment(param));
      expect(server.seen[0]?.method).toBe(op.method);
      expect(server.seen[0]?.rawUrl).toBe(expected);
    });

    it.each(['..', '.', ''])('refuses %j before sending anything', async (id) => {
      server.script({ kind: 'reply', status: 200, body: vendor.okBody });
      const { name, args } = withLastParameter(op, id);
      const call = op.call.orThrow(client(), args);
      await expect(call).rejects.toBeInstanceOf(ParleyError);
      await expect(call).rejects.toMatchObject({ code: 'invalid_input', field: name, message: expect.stringContaining(`\`${name}\``) });
      expect(server.seen).toHaveLength(0);
    });
  });
});
