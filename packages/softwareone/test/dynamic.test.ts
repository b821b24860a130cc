// Prism's dynamic mode (`Prefer: dynamic=true`) generates bodies from the spec's schemas. The
// contact → directories → contacts cycle once made one participant megabytes; the spec's
// x-json-schema-faker settings keep generated data small and shaped like the platform's.
import { pathExample } from '@parley/testkit/fixtures';
import { prefer } from '@parley/testkit/prefer';
import { describe, expect, inject, it } from 'vitest';
import {
  createSoftwareOneClient,
  getChatParticipant,
  listChatParticipants,
  updateChatParticipant,
  type ChatParticipant,
  type GetChatParticipantPath,
  type ListChatParticipantsPath,
} from '../src/index.js';

const client = createSoftwareOneClient({ token: 'test-token', baseUrl: inject('prismUrl'), retry: false });
const chat = pathExample<ListChatParticipantsPath>('softwareone', 'listChatParticipants');
const participant = pathExample<GetChatParticipantPath>('softwareone', 'getChatParticipant');
const dynamic = { headers: prefer({ dynamic: true }) };

const MAX_BYTES = 64 * 1024;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * Whether the mock takes `generated` back as a whole participant: Prism checks a PUT body against
 * the spec's ChatParticipant schema, so a 200 means it has the typed shape (formats, enums and
 * bounds included). Generated data carries the platform's own members, so it cannot pass as the
 * narrow update instead.
 */
async function acceptedAsParticipant(generated: ChatParticipant): Promise<number> {
  const { response } = await updateChatParticipant(client, { path: participant, body: generated });
  return response.status;
}

describe('dynamic mock data', () => {
  it('generates a participant of the typed shape in kilobytes, with documented ID shapes', async () => {
    const { data, response } = await getChatParticipant(client, { path: participant }, dynamic);
    expect(response.status).toBe(200);
    expect(data).toBeDefined();
    expect(bytes(data)).toBeLessThan(MAX_BYTES);
    expect(data?.id).toMatch(/^CPT-\d{4}-\d{4}-\d{4}$/);
    expect(data?.chat?.id).toMatch(/^CHT-\d{4}-\d{4}-\d{4}$/);
    expect(data?.contact?.id).toMatch(/^CTT-\d{4}-\d{4}$/);
    expect(data?.unreadMessageCount).toBeGreaterThanOrEqual(0);
    // The cycle is cut where the documentation itself shows "[Circular Reference]".
    for (const directory of data?.contact?.directories ?? []) expect(directory.contacts).toBeUndefined();
    expect(await acceptedAsParticipant(data!)).toBe(200);
    expect(await acceptedAsParticipant({ ...data, unreadMessageCount: -1 })).toBe(400); // the check bites
  });

  it('generates a page of the typed shape in kilobytes, with sensible pagination', async () => {
    const { data, response } = await listChatParticipants(client, { path: chat }, dynamic);
    expect(response.status).toBe(200);
    expect(bytes(data)).toBeLessThan(MAX_BYTES);
    const { offset, limit, total } = data?.$meta?.pagination ?? {};
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(limit).toBeGreaterThanOrEqual(0);
    expect(limit).toBeLessThanOrEqual(100);
    if (total !== null && total !== undefined) expect(total).toBeGreaterThanOrEqual(0);
    const page = data?.data ?? [];
    expect(page.length).toBeGreaterThan(0);
    expect(page.length).toBeLessThanOrEqual(100);
    for (const item of page) expect(await acceptedAsParticipant(item)).toBe(200);
  });
});
