// Compile-time guarantees of the `{ login }` form: these lines must (or must not) type-check.
import { describe, expectTypeOf, it } from 'vitest';
import { createNexudusClient, requestToken, type NexudusClient, type NexudusClientOptions, type RequestTokenBody } from '../src/index.js';

describe('Nexudus login types', () => {
  it('takes each credential form', () => {
    expectTypeOf(createNexudusClient({ login: { username: 'a@example.com', password: 'p' } })).toEqualTypeOf<NexudusClient>();
    createNexudusClient({ login: { username: 'a@example.com', password: 'p', totp: '482910', clientId: 'worker-1' } });
    createNexudusClient({ login: { username: 'a@example.com', password: 'p', totp: async () => '482910' } });
    createNexudusClient({ token: 't' });
    createNexudusClient({ username: 'a@example.com', password: 'p' });
  });

  it('refuses half a login, and a login with another credential', () => {
    // @ts-expect-error: a login needs the password
    createNexudusClient({ login: { username: 'a@example.com' } });
    // @ts-expect-error: one credential form only
    const both: NexudusClientOptions = { login: { username: 'a@example.com', password: 'p' }, username: 'b@example.com', password: 'q' };
    void both;
  });

  it('types the token request as one of the two grants', () => {
    expectTypeOf<RequestTokenBody>().toEqualTypeOf<
      { grant_type: 'password'; username: string; password: string; totp?: string; client_id?: string } | { grant_type: 'refresh_token'; refresh_token: string; client_id?: string }
    >();
    const client = createNexudusClient({ token: 't' });
    // @ts-expect-error: the refresh grant needs its refresh token
    void requestToken(client, { body: { grant_type: 'refresh_token' } });
  });
});
