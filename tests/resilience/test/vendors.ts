// One entry per vendor client (two for Nexudus' two kinds of credentials), so every fault test
// runs against every client the same way.
import * as bird from '@parley/bird';
import * as nexudus from '@parley/nexudus';
import type { CallOptions, ClientOptions } from '@parley/runtime';
import * as softwareone from '@parley/softwareone';

export interface VendorCase {
  name: string;
  /** The credential that must never appear in errors or logs. */
  secret: string;
  /** A client against `baseUrl` with the given options. */
  create(baseUrl: string, options?: ClientOptions): object;
  /** The read operation, throwing style. */
  read(client: object, options?: CallOptions): Promise<unknown>;
  /** The read operation, result style. */
  readResult(client: object, options?: CallOptions): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** The update operation (idempotent for every vendor), throwing style. */
  update(client: object, options?: CallOptions): Promise<unknown>;
  /** A valid success body for both operations, and the vendor's own error body for a status. */
  okBody: string;
  errorBody(status: number): string;
}

const problem = (status: number) =>
  JSON.stringify({ type: 'about:blank', title: 'Conflict', status, traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' });

const birdPath = {
  workspaceId: 'b4e02c85-c6d2-4b15-8885-e09671799c61',
  conversationId: '67e4d358-ca94-421e-98b7-448860df9d33',
  conversationParticipantId: 'p-1',
};

function nexudusCase(name: string, secret: string, credentials: nexudus.NexudusCredentials): VendorCase {
  return {
    name,
    secret,
    create: (baseUrl, options) => nexudus.createNexudusClient({ ...credentials, ...options, baseUrl }),
    read: (client, options) => nexudus.getChatRoom.orThrow(client as nexudus.NexudusClient, { path: { id: 87654321 } }, options),
    readResult: (client, options) => nexudus.getChatRoom(client as nexudus.NexudusClient, { path: { id: 87654321 } }, options),
    update: (client, options) =>
      nexudus.updateChatRoom.orThrow(client as nexudus.NexudusClient, { body: { Id: 87654321, BusinessId: 1, AddedUsers: [5] } }, options),
    okBody: JSON.stringify({ Id: 87654321, BusinessId: 1, Status: 200, Message: 'ok', WasSuccessful: true }),
    errorBody: (status) => JSON.stringify({ Status: status, Message: 'ChatRoom is being edited by another request', WasSuccessful: false, Errors: null }),
  };
}

export const vendorCases: VendorCase[] = [
  {
    name: 'softwareone',
    secret: 'swo-secret-token-4815162342',
    create: (baseUrl, options) => softwareone.createSoftwareOneClient({ token: 'swo-secret-token-4815162342', ...options, baseUrl }),
    read: (client, options) =>
      softwareone.getParticipant.orThrow(client as softwareone.SoftwareOneClient, { path: { chatId: 'CHT-1', id: 'CPT-1' } }, options),
    readResult: (client, options) =>
      softwareone.getParticipant(client as softwareone.SoftwareOneClient, { path: { chatId: 'CHT-1', id: 'CPT-1' } }, options),
    update: (client, options) =>
      softwareone.updateParticipant.orThrow(
        client as softwareone.SoftwareOneClient,
        { path: { chatId: 'CHT-1', id: 'CPT-1' }, body: { muted: true } },
        options,
      ),
    okBody: JSON.stringify({ id: 'CPT-1', status: 'Active', muted: true }),
    errorBody: problem,
  },
  {
    name: 'bird',
    secret: 'bird-secret-access-key-2718281828',
    create: (baseUrl, options) => bird.createBirdClient({ accessKey: 'bird-secret-access-key-2718281828', ...options, baseUrl }),
    read: (client, options) => bird.getParticipant.orThrow(client as bird.BirdClient, { path: birdPath }, options),
    readResult: (client, options) => bird.getParticipant(client as bird.BirdClient, { path: birdPath }, options),
    update: (client, options) => bird.updateParticipant.orThrow(client as bird.BirdClient, { path: birdPath, body: { status: 'active' } }, options),
    okBody: JSON.stringify({ id: 'p-1', type: 'contact', status: 'active' }),
    errorBody: () => JSON.stringify({ code: 'ConflictingState', message: 'The participant cannot change now' }),
  },
  nexudusCase('nexudus (bearer)', 'nexudus-secret-token-1414213562', { token: 'nexudus-secret-token-1414213562' }),
  nexudusCase('nexudus (basic)', 'nexudus-secret-password-1732', { username: 'admin@example.com', password: 'nexudus-secret-password-1732' }),
];
