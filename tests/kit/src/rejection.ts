// The error a call rejects with, for tests that go on to look at its fields.

/** Resolves with what `call` rejects with; fails if it resolves, or rejects with anything but a `type`. */
export async function rejection<E>(call: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const outcome = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection; the call resolved with ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  if (!(outcome.error instanceof type)) throw new Error(`expected a ${type.name}; the call rejected with ${String(outcome.error)}`);
  return outcome.error;
}
