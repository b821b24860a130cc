// Updates, reads, lists, adds and removes participants of all three providers through the unified
// API and prints them normalized. Runs against the mock servers (`pnpm mock`, ports 4010–4012), or wherever
// PARLEY_SOFTWAREONE_URL, PARLEY_BIRD_URL and PARLEY_NEXUDUS_URL point. PARLEY_VALIDATE_RESPONSES=warn
// or =throw checks every answer against the specs ("Catching drift" in the README).
import { createParley } from '@parley/unified';

const url = (vendor, port) => process.env[`PARLEY_${vendor}_URL`] ?? `http://127.0.0.1:${port}`;
const validateResponses = process.env.PARLEY_VALIDATE_RESPONSES ?? 'off';
const parley = createParley({
  softwareone: { token: process.env.SWO_TOKEN ?? 'mock-token', baseUrl: url('SOFTWAREONE', 4010), validateResponses },
  bird: {
    accessKey: process.env.BIRD_ACCESS_KEY ?? 'mock-key',
    workspaceId: 'b4e02c85-c6d2-4b15-8885-e09671799c61',
    baseUrl: url('BIRD', 4011),
    validateResponses,
  },
  nexudus: { token: process.env.NEXUDUS_TOKEN ?? 'mock-token', baseUrl: url('NEXUDUS', 4012), validateResponses },
});

const chats = {
  softwareone: { chatId: 'CHT-4821-7730-1955', participantId: 'CPT-5104-3382-7716', set: { muted: true }, memberId: 'CTT-0002-7415' },
  bird: {
    chatId: '67e4d358-ca94-421e-98b7-448860df9d33',
    participantId: 'cb22b001-6226-4d7c-acdd-7414b2bcdbaf',
    set: { status: 'active' },
    memberId: '274bd6ff-3295-49a0-a02d-651fb661d7fb', // a Bird contact id
  },
  nexudus: { chatId: 87654321, participantId: 1029384, set: { status: 'active' }, memberId: 1029384 }, // a Nexudus user id
};

const show = (label, { raw, ...participant }) => console.log(label.padEnd(7), JSON.stringify(participant));

for (const [provider, { chatId, participantId, set, memberId }] of Object.entries(chats)) {
  show('update', await parley.participants.update({ provider, chatId, participantId, set }));
  show('get', await parley.participants.get({ provider, chatId, participantId }));
  for await (const participant of parley.participants.list({ provider, chatId })) show('list', participant);
  const added = await parley.participants.add({ provider, chatId, memberId });
  show('add', added);
  const { raw, ...removed } = await parley.participants.remove({ provider, chatId, participantId: added.id });
  console.log('remove ', JSON.stringify(removed));
}
