// Everything but the profile is generated from the spec (tools/codegen): the client factory,
// one function per operation and the type aliases.
export * from './generated/index.js';
