/**
 * How a client proves who it is: the full value of the `Authorization` header, and every secret
 * string inside it, so errors and logs can scrub them all.
 */
export type Credentials = { readonly authorization: string; readonly secrets: readonly string[] };

export function bearer(token: string): Credentials {
  const authorization = `Bearer ${token}`;
  return { authorization, secrets: [authorization, token] };
}

/** `Authorization: Basic base64(user:password)`, UTF-8 safe (btoa alone is Latin-1 only). */
export function basic(username: string, password: string): Credentials {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const encoded = btoa(binary);
  return { authorization: `Basic ${encoded}`, secrets: [`Basic ${encoded}`, encoded, password] };
}

/** Any other scheme, such as Bird's `AccessKey <key>`. */
export function scheme(name: string, secret: string): Credentials {
  const authorization = `${name} ${secret}`;
  return { authorization, secrets: [authorization, secret] };
}
