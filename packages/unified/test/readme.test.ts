// The README's unified sections are rendered from code, and its example runs against the mocks.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readmeBlocks, replaceBlocks } from '../../../tools/readme-blocks.mjs';
import { urls } from './support.js';

describe('README.md', () => {
  it('carries the mapping table and example rendered from the current code (`pnpm readme` updates them)', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(replaceBlocks(readme, await readmeBlocks()));
  });

  it("example updates, reads, lists, adds and removes each provider's participants against the mocks", async () => {
    const script = fileURLToPath(new URL('../examples/participants.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script], {
      env: { ...process.env, PARLEY_SOFTWAREONE_URL: urls.softwareone, PARLEY_BIRD_URL: urls.bird, PARLEY_NEXUDUS_URL: urls.nexudus },
    });
    const lines = stdout.trim().split('\n').map((line) => {
      const [, label, json] = /^(\w+)\s+(.*)$/.exec(line)!;
      return { label, participant: JSON.parse(json!) };
    });
    for (const provider of ['softwareone', 'bird', 'nexudus']) {
      const mine = lines.filter((l) => l.participant.provider === provider);
      expect(mine.map((l) => l.label).slice(0, 2)).toEqual(['update', 'get']);
      expect(mine.filter((l) => l.label === 'list').length).toBeGreaterThan(0);
      expect(mine.slice(-2).map((l) => l.label)).toEqual(['add', 'remove']);
      for (const { label, participant } of mine) {
        const shape = { id: expect.any(String), chatId: expect.any(String), ...(label === 'remove' ? {} : { status: expect.any(String) }) };
        expect(participant).toEqual(expect.objectContaining(shape));
        expect(participant).not.toHaveProperty('raw');
      }
      // remove names the participant add answered with
      expect(mine.at(-1)?.participant.id).toBe(mine.at(-2)?.participant.id);
    }
    // update answers for the participant it was asked to change (the adapter refuses any other)
    expect(lines[0]?.participant).toMatchObject({ provider: 'softwareone', id: 'CPT-5104-3382-7716' });
  });
});
