/**
 * How a client proves who it is: the full value of the `Authorization` header, and every secret
 * string inside it, so errors and logs can scrub them all. A client whose secrets change (a token
 * it obtains) assigns a new `secrets` list; errors and logs scrub the current one.
 */
export type Credentials = { readonly authorization: string; readonly secrets: readonly string[] };

/** `<name> <secret>`: Bearer tokens, Bird's `AccessKey <key>`. */
export function scheme(name: string, secret: string): Credentials {
  const authorization = `${name} ${secret}`;
  return { authorization, secrets: [authorization, secret] };
}

export const bearer = (token: string): Credentials => scheme('Bearer', token);

/** Base64 of the text's UTF-8 bytes (btoa alone takes Latin-1 only). */
export const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** `Authorization: Basic base64(user:password)`. */
export function basic(username: string, password: string): Credentials {
  const { authorization, secrets } = scheme('Basic', base64(`${username}:${password}`));
  return { authorization, secrets: [...secrets, password] };
}
