// What every published tarball is checked for, once per run over the packed files a consumer gets:
// publint --strict, and for packages with a JavaScript entry Are the Types Wrong in its ESM-only
// profile (CommonJS `require` is not supported, on purpose; YAML and JSON subpaths are files to
// read, not modules).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, it } from 'vitest';
import { publishable } from './pack.setup.js';

/** Resolutions the ESM-only profile leaves out: CommonJS and the pre-`exports` node10 resolver. */
const IGNORED_RESOLUTIONS = ['node10', 'node16-cjs'];

/** The subpaths of `exports` that are modules. */
function moduleEntrypoints(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  return Object.keys(manifest.exports ?? {}).filter((key) => key !== './package.json' && !/\.(ya?ml|json)$/.test(key));
}

describe.each(publishable())('$name', ({ name, dir }) => {
  const tarball = () => readFile(inject('tarballs')[name]!);

  it('passes publint --strict', async () => {
    const bytes = await tarball();
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball: data }, strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([]);
  });

  it('carries a README naming it, with how to install it, and the LICENSE', () => {
    const file = inject('tarballs')[name]!;
    const files = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE']));
    const readme = execFileSync('tar', ['-xzOf', file, 'package/README.md'], { encoding: 'utf8' });
    expect(readme).toMatch(new RegExp(`^# ${name}\n`));
    expect(readme).toContain(`npm install ${name === '@parley/mocks' ? '--save-dev ' : ''}${name}`);
    expect(execFileSync('tar', ['-xzOf', file, 'package/LICENSE'], { encoding: 'utf8' })).toMatch(/^MIT License/);
  });

  const entrypoints = moduleEntrypoints(dir);
  if (entrypoints.length === 0) return; // a spec package: files only, nothing to import
  it(`has types that resolve wherever ESM imports ${entrypoints.join(', ')} (attw, esm-only)`, async () => {
    const result = await checkPackage(createPackageFromTarballData(new Uint8Array(await tarball())), { entrypoints });
    expect(result.types).toBeTruthy();
    const problems = result.types ? result.problems.filter((p) => !('resolutionKind' in p) || !IGNORED_RESOLUTIONS.includes(p.resolutionKind)) : [];
    expect(problems).toEqual([]);
  });
});
