// Prism's answer to a request, remembered (issue 15.5: Prism's router, fp-ts and logging cost ~95% of
// a request; the front alone is far cheaper). On a static server Prism's verdict (valid, or the
// violations) and its answer are pure functions of the request: method, URL, headers and body. So the
// front asks Prism once per distinct request and replays its answer; what changes between two equal
// requests (the journal, faults, the vendor's state) is all done in the front, every time.
import type { IncomingMessage } from 'node:http';

/** Headers that only carry the request, so Prism's verdict and answer never depend on them. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'transfer-encoding',
  'content-length',
  'accept-encoding',
  'user-agent',
]);

export interface VerdictCacheOptions {
  /** How many answers it keeps; the least recently used go first. Default 500. */
  entries?: number;
  /** Requests and answers with a larger body are not remembered. Default 64 KB. */
  maxBodyBytes?: number;
}

/** A bounded, least-recently-used map from a request to Prism's answer to it. */
export class VerdictCache<Answer extends { body: Buffer }> {
  readonly #entries: number;
  readonly #maxBodyBytes: number;
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest first.
  readonly #answers = new Map<string, Answer>();

  constructor(options: VerdictCacheOptions = {}) {
    this.#entries = options.entries ?? 500;
    this.#maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  }

  get size() {
    return this.#answers.size;
  }

  /** The key of a request, or undefined for one too large to remember. */
  keyOf(request: IncomingMessage, body: Buffer | undefined): string | undefined {
    if (body && body.length > this.#maxBodyBytes) return undefined;
    let key = `${request.method} ${request.url}\n`;
    const raw = request.rawHeaders;
    // In the order received: a repeated header's order can matter, and a client sends its own in a fixed order.
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase();
      if (!TRANSPORT_HEADERS.has(name)) key += `${name}: ${raw[i + 1]}\n`;
    }
    // latin1 maps each byte to one character: two bodies share a key only when their bytes are equal.
    return body?.length ? `${key}\n${body.toString('latin1')}` : key;
  }

  get(key: string): Answer | undefined {
    const answer = this.#answers.get(key);
    if (answer) {
      this.#answers.delete(key);
      this.#answers.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: Answer): void {
    if (answer.body.length > this.#maxBodyBytes) return;
    this.#answers.delete(key);
    this.#answers.set(key, answer);
    if (this.#answers.size > this.#entries) this.#answers.delete(this.#answers.keys().next().value!);
  }
}
