// Prism picks its answer from the `Prefer` request header; this writes that header.

export interface PreferOptions {
  /** The response status to answer with: `code=404`. */
  code?: number | string;
  /** A named example of that response: `example=invitedContact`. */
  example?: string;
  /** Generate a body from the schema instead of using an example. */
  dynamic?: boolean;
}

/**
 * Headers asking Prism for a particular answer, for a call's options:
 * `getThing(client, args, { headers: prefer({ code: 404 }) })` sends `Prefer: code=404`.
 */
export function prefer({ code, example, dynamic }: PreferOptions): { Prefer: string } {
  const parts = [
    code !== undefined ? `code=${code}` : undefined,
    example !== undefined ? `example=${example}` : undefined,
    dynamic !== undefined ? `dynamic=${dynamic}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (!parts.length) throw new TypeError('prefer: give a code, an example or dynamic');
  return { Prefer: parts.join(', ') };
}
