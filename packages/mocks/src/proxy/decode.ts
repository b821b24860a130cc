// The caller gets the upstream's body as it came, compressed or not; the check reads a decoded copy.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** The body's text for the check, or why it cannot be read. */
export type Decoded = { text: string } | { error: string };

/** Undoes the `Content-Encoding` codings (`gzip`, `br`, `deflate`, in the order applied) of a copy of `body`. */
export function decodedBody(body: Buffer, contentEncoding: string | undefined): Decoded {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity');
  let bytes = body;
  // Codings are listed in the order they were applied: undo the last first.
  for (const coding of codings.reverse()) {
    if (!bytes.length) break;
    try {
      if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes);
      else if (coding === 'br') bytes = brotliDecompressSync(bytes);
      else if (coding === 'deflate') bytes = inflateOrRaw(bytes);
      else return { error: `content-encoding ${coding} cannot be decoded here` };
    } catch (error) {
      return { error: `the body is not valid ${coding}: ${(error as Error).message}` };
    }
  }
  return { text: bytes.toString('utf8') };
}

/** `deflate` is zlib-wrapped by the RFC, raw from some servers. */
function inflateOrRaw(bytes: Buffer): Buffer {
  try {
    return inflateSync(bytes);
  } catch {
    return inflateRawSync(bytes);
  }
}
