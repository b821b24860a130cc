#!/usr/bin/env node
// Each publishable package's `lint:package` task: publint --strict, and for packages with a
// JavaScript entry, Are the Types Wrong in its ESM-only profile (CommonJS `require` is not
// supported, on purpose). Both inspect the packed tarball, as a consumer would receive it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

run('publint', ['--strict']);
if (pkg.exports?.['.']) {
  // Non-JS subpaths (the bundled openapi.yaml) are files to read, not modules to import.
  const files = Object.keys(pkg.exports).filter((key) => /\.(ya?ml)$/.test(key));
  run('attw', ['--pack', '.', '--profile', 'esm-only', ...(files.length ? ['--exclude-entrypoints', ...files] : [])]);
}
