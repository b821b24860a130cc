/**
 * How a client proves who it is: the full value of the `Authorization` header, and every secret
 * string inside it, so errors and logs can scrub them all.
 */
export type Credentials = { readonly authorization: string; readonly secrets: readonly string[] };

/** `<name> <secret>`: Bearer tokens, Bird's `AccessKey <key>`. */
export function scheme(name: string, secret: string): Credentials {
  const authorization = `${name} ${secret}`;
  return { authorization, secrets: [authorization, secret] };
}

export const bearer = (token: string): Credentials => scheme('Bearer', token);

/** `Authorization: Basic base64(user:password)`, UTF-8 safe (btoa alone is Latin-1 only). */
export function basic(username: string, password: string): Credentials {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte);
  const { authorization, secrets } = scheme('Basic', btoa(binary));
  return { authorization, secrets: [...secrets, password] };
}
