/** How a client proves who it is: the full value of the `Authorization` header. */
export type Credentials = { readonly authorization: string };

export function bearer(token: string): Credentials {
  return { authorization: `Bearer ${token}` };
}

/** `Authorization: Basic base64(user:password)`, UTF-8 safe (btoa alone is Latin-1 only). */
export function basic(username: string, password: string): Credentials {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { authorization: `Basic ${btoa(binary)}` };
}

/** Any other scheme, such as Bird's `AccessKey <key>`. */
export function scheme(name: string, secret: string): Credentials {
  return { authorization: `${name} ${secret}` };
}
