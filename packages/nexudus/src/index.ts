// Everything but the profile and the `{ login }` form is generated from the spec (tools/codegen):
// the client factory, one function per operation and the type aliases.
export * from './generated/index.js';
// The generated factory again, also taking `{ login }` (login.ts); these names win over the star export's.
export { createNexudusClient, type NexudusClientOptions, type NexudusLogin, type NexudusLoginCredentials } from './login.js';
