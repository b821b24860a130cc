// Each client set up the way its docs show, all asking for the same participant. `fetch` is the
// stub in the stubbed scenario and absent over loopback (each client's own default transport).
// Libraries load lazily, so a large-body child holds only the one it measures; Parley's from the
// copy of its builds the run measures (builds.mjs).
import { load } from './builds.mjs';
import { accessKey, ids, participant, participantPath } from './fixture.mjs';

const path = '/workspaces/{workspaceId}/conversations/{conversationId}/participants/{conversationParticipantId}';
const authorization = `AccessKey ${accessKey}`;

const factories = {
  /** The floor: one fetch and its JSON, nothing else. */
  'bare fetch': async ({ baseUrl, fetch = globalThis.fetch }) => {
    const url = baseUrl + participantPath;
    return async () => (await fetch(url)).json();
  },

  'openapi-fetch': async ({ baseUrl, fetch }) => {
    const { default: createClient } = await import('openapi-fetch');
    /** @type {import('openapi-fetch').Client<import('@parley/bird').paths>} the same generated paths as Bird */
    const client = createClient({ baseUrl, headers: { Authorization: authorization }, ...(fetch && { fetch }) });
    return async () => (await client.GET(path, { params: { path: ids } })).data;
  },

  'Parley operation': async ({ baseUrl, fetch }) => {
    const { createBirdClient, getConversationParticipant } = await load('@parley/bird');
    const bird = createBirdClient({ accessKey, baseUrl, ...(fetch && { fetch }) });
    return async () => (await getConversationParticipant(bird, { path: ids })).data;
  },

  'Parley .orThrow': async ({ baseUrl, fetch }) => {
    const { createBirdClient, getConversationParticipant } = await load('@parley/bird');
    const bird = createBirdClient({ accessKey, baseUrl, ...(fetch && { fetch }) });
    return () => getConversationParticipant.orThrow(bird, { path: ids });
  },

  'Parley unified get': async ({ baseUrl, fetch }) => {
    const { createParley } = await load('@parley/unified');
    const parley = createParley({ bird: { accessKey, workspaceId: ids.workspaceId, baseUrl, ...(fetch && { fetch }) } });
    const ref = { provider: /** @type {const} */ ('bird'), chatId: ids.conversationId, participantId: ids.conversationParticipantId };
    return async () => (await parley.participants.get(ref)).raw;
  },

  axios: async ({ baseUrl, fetch }) => {
    const { default: axios } = await import('axios');
    // Stubbed: an adapter hands axios the stub's text, and axios parses it as it would a socket's.
    const adapter = fetch && (async (config) => {
      const res = await fetch(config.baseURL + config.url);
      return { data: await res.text(), status: res.status, statusText: res.statusText, headers: Object.fromEntries(res.headers), config, request: {} };
    });
    const client = axios.create({ baseURL: baseUrl, headers: { Authorization: authorization }, ...(adapter && { adapter }) });
    return async () => (await client.get(participantPath)).data;
  },

  ky: async ({ baseUrl, fetch }) => {
    const { default: ky } = await import('ky');
    const client = ky.create({ prefixUrl: baseUrl, headers: { Authorization: authorization }, ...(fetch && { fetch }) });
    return () => client.get(participantPath.slice(1)).json();
  },
};

export const CLIENTS = Object.keys(factories);

/** The named clients, each `{ name, call }`; every call resolves to the vendor's participant object. */
export async function createClients(names, options) {
  return Promise.all(names.map(async (name) => ({ name, call: await factories[name](options) })));
}

/** Refuses to time a client that does not get the participant back (an error path would look fast). */
export function check(name, body) {
  if (body?.id !== participant.id) throw new Error(`${name} did not return the participant: ${JSON.stringify(body)?.slice(0, 200)}`);
}
