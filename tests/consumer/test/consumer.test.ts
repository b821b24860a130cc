// Proves the packages work where users put them: packed with `pnpm pack` (pack.setup.ts), installed with npm into a
// project outside the workspace, type-checked strictly under both module resolutions TypeScript
// users pick, and run with Node against the mocks installed the same way.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, exec, tsc, VENDORS } from './consumer-project.js';

let project = '';
// Each configuration is compiled once (nodenext emits out/, which the run test executes).
const compiled = new Map<string, Promise<unknown>>();
const compile = (resolution: string) => {
  if (!compiled.has(resolution)) compiled.set(resolution, exec(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: project }));
  return compiled.get(resolution)!;
};

beforeAll(async () => {
  project = await consumerProject();
});

describe('a consumer project outside the workspace', () => {
  it.each(VENDORS)('installs only the published files of $clientPackage, with workspace versions replaced', async ({ clientPackage }) => {
    const installed = (await readdir(join(project, 'node_modules', clientPackage))).sort();
    expect(installed).toEqual(['LICENSE', 'README.md', 'dist', 'openapi', 'package.json', 'src']);
    const manifest = JSON.parse(await readFile(join(project, 'node_modules', clientPackage, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ '@parley/runtime': manifest.version, 'openapi-fetch': '0.17.0' });
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
  });

  it('installs the mocks with every registered vendor spec inside them', async () => {
    const specs = (await readdir(join(project, 'node_modules/@parley/mocks/specs'))).sort();
    expect(specs).toEqual(VENDORS.map((vendor) => `${vendor.id}.openapi.yaml`).sort());
    const manifest = JSON.parse(await readFile(join(project, 'node_modules/@parley/mocks/package.json'), 'utf8'));
    // The drift proxy checks answers with the runtime's contract check, the one the clients use.
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@parley/'))).toEqual(['@parley/runtime']);
    expect(manifest.dependencies['@parley/runtime']).toBe(manifest.version);
  });

  it.each(['nodenext', 'bundler'])('type-checks strict TypeScript with moduleResolution %s', async (resolution) => {
    await expect(compile(resolution)).resolves.toBeDefined();
  });

  it('runs with Node against the mocks and updates a participant', async () => {
    await compile('nodenext'); // emits out/consumer.js
    const { stdout } = await exec(process.execPath, ['out/consumer.js'], { cwd: project, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({
      updated: { provider: 'bird', id: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf', status: 'active' },
      member: '1029384',
      direct: 'user',
      refused: 'unsupported',
    });
  });
});
