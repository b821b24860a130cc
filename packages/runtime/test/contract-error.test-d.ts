// Compile-time guarantees of the `contract` code and the `validateResponses` option (checked by the
// package's typecheck task, not run).
import { describe, expectTypeOf, it } from 'vitest';
import { isParleyError, type ClientOptions, type ContractViolation, type LogEvent } from '../src/index.js';

declare const error: unknown;
declare const event: LogEvent;

describe('the contract error and event', () => {
  it('isParleyError(e, "contract") narrows to an error that always has its violations and status', () => {
    if (isParleyError(error, 'contract')) {
      expectTypeOf(error.code).toEqualTypeOf<'contract'>();
      expectTypeOf(error.violations).toEqualTypeOf<readonly ContractViolation[]>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.violations[0]!.in).toEqualTypeOf<'status' | 'header' | 'body'>();
    }
    if (isParleyError(error)) {
      // Any other code may have none.
      expectTypeOf(error.violations).toEqualTypeOf<readonly ContractViolation[] | undefined>();
    }
  });

  it('a contract log event carries the violation, no value of the answer', () => {
    if (event.type === 'contract') {
      expectTypeOf(event).toEqualTypeOf<{ type: 'contract' } & ContractViolation>();
      // @ts-expect-error: events name the path and rule, never the data
      void event.value;
    }
  });

  it('validateResponses takes off, warn or throw', () => {
    expectTypeOf<ClientOptions['validateResponses']>().toEqualTypeOf<'off' | 'warn' | 'throw' | undefined>();
    // @ts-expect-error: no other mode
    const strict: ClientOptions = { validateResponses: 'strict' };
    void strict;
  });
});
