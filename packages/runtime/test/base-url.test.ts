import { describe, expect, it } from 'vitest';
import { ParleyError } from '../src/index.js';
import { bearer, checkBaseUrl, createApiClient } from '../src/internal.js';

describe('checkBaseUrl', () => {
  it('accepts https, and strips trailing slashes', () => {
    expect(checkBaseUrl('x', 'https://api.acme.example/')).toBe('https://api.acme.example');
  });

  it.each(['http://localhost:4010', 'http://127.0.0.1:4011', 'http://127.8.9.10', 'http://[::1]:4012', 'http://mocks.localhost'])(
    'accepts plain http on the loopback host %s',
    (url) => expect(checkBaseUrl('x', url)).toBe(url),
  );

  it.each(['http://api.acme.example', 'http://10.0.0.5:8080', 'ftp://api.acme.example', 'not a url'])('refuses %s', (url) => {
    expect(() => checkBaseUrl('acme', url)).toThrow(ParleyError);
    try {
      checkBaseUrl('acme', url);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_input', provider: 'acme' });
      expect((error as Error).message).toMatch(/acme: baseUrl/);
    }
  });

  it('accepts plain http elsewhere only on explicit opt-in', () => {
    expect(checkBaseUrl('x', 'http://proxy.internal:8080', true)).toBe('http://proxy.internal:8080');
  });

  it('is applied by createApiClient, which also checks timeoutMs', () => {
    const config = { credentials: bearer('t'), profile: { provider: 'x' } };
    expect(() => createApiClient({ ...config, baseUrl: 'http://example.org' })).toThrow(/must be an https URL/);
    expect(() => createApiClient({ ...config, baseUrl: 'https://example.org', timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
