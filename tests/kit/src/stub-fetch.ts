// A scripted fetch for unit tests of the runtime: no sockets, no ports, no timers of its own.
// Each call is recorded and answered with the next scripted answer; the last answer repeats.
// This file imports nothing, so `@parley/testkit/stub-fetch` loads nothing else.

/** One request as the stub received it. */
export interface StubCall {
  method: string;
  url: string;
  /** Header names lower-cased, as `Headers` gives them. */
  headers: Record<string, string>;
  /** The body as text, `''` when there is none. */
  body: string;
  /** The request's signal: the runtime's timeout and the caller's cancel, for answers that wait. */
  signal: AbortSignal;
  /** What fetch would do with a redirect: `follow` or `manual`. */
  redirect: RequestRedirect;
}

/**
 * What the stub does with a call: answer with a Response (a copy each time, so it can repeat),
 * reject with an Error (a network failure), or run a function of the call (to echo it, or to wait
 * for its signal like a server that never answers).
 */
export type StubAnswer = Response | Error | ((call: StubCall) => Response | Promise<Response>);

export interface StubFetch {
  (input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Every call so far, in order. */
  readonly calls: StubCall[];
}

// A stubbed request has no socket to keep it alive, and undici ties a Request's signal to the
// caller's only through a WeakRef. A request that waits for its abort signal (and the promises
// waiting on it) is then unreachable, and garbage collection can drop it before the abort comes:
// the call would never settle. `hang` and `stallBody` keep such requests here until they abort.
const requests = new WeakMap<StubCall, Request>();
const waiting = new Set<Request>();

function holdUntilAborted(call: StubCall) {
  const request = requests.get(call);
  if (!request || call.signal.aborted) return;
  waiting.add(request);
  call.signal.addEventListener('abort', () => waiting.delete(request), { once: true });
}

/** A fetch answering with `answers` in turn (the last one repeats; none means `200 {}`). */
export function stubFetch(...answers: StubAnswer[]): StubFetch {
  const script = answers.length ? answers : [Response.json({})];
  const calls: StubCall[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const call: StubCall = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await request.text() : '',
      signal: request.signal,
      redirect: request.redirect,
    };
    calls.push(call);
    requests.set(call, request);
    const answer = script[Math.min(calls.length, script.length) - 1]!;
    if (answer instanceof Error) throw answer;
    const response = answer instanceof Response ? answer.clone() : await answer(call);
    // Like a real fetch, the answer knows the URL it came from (tests read `response.url`).
    if (!response.url) Object.defineProperty(response, 'url', { value: call.url });
    return response;
  };
  return Object.assign(fetch, { calls });
}

/**
 * Never answers: rejects with the signal's reason once the request is aborted (a timeout, a
 * cancel). An answer function that waits for the signal should end in `hang(call)`.
 */
export function hang(call: StubCall): Promise<Response> {
  holdUntilAborted(call);
  return new Promise((_, reject) => {
    if (call.signal.aborted) return reject(call.signal.reason);
    call.signal.addEventListener('abort', () => reject(call.signal.reason), { once: true });
  });
}

/** Sends the status and the start of a body, then nothing until the request is aborted. */
export function stallBody(status: number, partial: string): (call: StubCall) => Response {
  return (call) => {
    holdUntilAborted(call);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(partial));
        const fail = () => controller.error(call.signal.reason);
        if (call.signal.aborted) fail();
        else call.signal.addEventListener('abort', fail, { once: true });
      },
    });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
}

/** The error undici's fetch rejects with when the connection fails (`cause.code` as Node sets it). */
export function networkError(code = 'ECONNRESET'): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`read ${code}`), { code }) });
}
