import type { BirdClient, BirdClientOptions } from '@parley/bird';
import type { NexudusClient, NexudusClientOptions } from '@parley/nexudus';
import { ParleyError, type CallOptions } from '@parley/runtime';
import type { SoftwareOneClient, SoftwareOneClientOptions } from '@parley/softwareone';
import type { Adapter } from './adapters/adapter.js';
import { birdAdapter } from './adapters/bird.js';
import { nexudusAdapter } from './adapters/nexudus.js';
import { softwareOneAdapter } from './adapters/softwareone.js';
import { capabilities } from './capabilities/index.js';
import type { ListInput, Participant, ParticipantRef, Provider, UpdateInput } from './model.js';
import { checkChanges, checkChatRef, checkPageSize, checkParticipantRef, checkProvider } from './validate.js';

export interface ParleyConfig {
  softwareone?: SoftwareOneClientOptions;
  /** `workspaceId` is the default for calls that do not name one. */
  bird?: BirdClientOptions & { workspaceId?: string };
  nexudus?: NexudusClientOptions;
}

/** The typed vendor client behind each provider, for what the unified API does not cover. */
export interface VendorClients {
  softwareone: SoftwareOneClient;
  bird: BirdClient;
  nexudus: NexudusClient;
}

const ADAPTERS: { [P in Provider]: Adapter<P, VendorClients[P], NonNullable<ParleyConfig[P]>> } = {
  softwareone: softwareOneAdapter,
  bird: birdAdapter,
  nexudus: nexudusAdapter,
};

const HOW_TO_CONFIGURE: Record<Provider, string> = {
  softwareone: 'createParley({ softwareone: { token } })',
  bird: 'createParley({ bird: { accessKey, workspaceId } })',
  nexudus: 'createParley({ nexudus: { token } }) or createParley({ nexudus: { username, password } })',
};

/**
 * One participants API over the configured providers. Every input is checked before anything is
 * sent; errors are the runtime's `ParleyError`, with `provider` set.
 */
export function createParley(config: ParleyConfig = {}) {
  const { workspaceId: birdWorkspace, ...birdOptions } = config.bird ?? {};
  const clients: Partial<VendorClients> = {};
  if (config.softwareone) clients.softwareone = ADAPTERS.softwareone.createClient(config.softwareone);
  if (config.bird) clients.bird = ADAPTERS.bird.createClient(birdOptions as BirdClientOptions);
  if (config.nexudus) clients.nexudus = ADAPTERS.nexudus.createClient(config.nexudus);
  if (config.bird && birdWorkspace !== undefined) checkChatRef({ provider: 'bird', chatId: '00000000-0000-0000-0000-000000000000', workspaceId: birdWorkspace }, ['provider', 'chatId', 'workspaceId']);

  function clientFor<P extends Provider>(provider: P): VendorClients[P] {
    const client = clients[provider];
    if (!client) {
      throw new ParleyError('invalid_input', `${provider} is not configured; configure it with ${HOW_TO_CONFIGURE[provider]}`, {
        provider,
        field: 'provider',
      });
    }
    return client as VendorClients[P];
  }
  // Each adapter with its own client; the casts bridge the per-provider types a union cannot carry.
  const adapterFor = <P extends Provider>(provider: P) =>
    ADAPTERS[provider] as unknown as Adapter<P, VendorClients[P], unknown>;

  return {
    participants: {
      /** Changes a participant; what a provider cannot change fails with `unsupported` before any request. */
      async update<P extends Provider>(input: UpdateInput<P>, options?: CallOptions): Promise<Participant<P>> {
        const ref = checkParticipantRef(input, ['provider', 'chatId', 'participantId', 'workspaceId', 'set'], birdWorkspace);
        const changes = checkChanges(ref.provider, ref.set);
        const provider = ref.provider as P;
        return adapterFor(provider).update(clientFor(provider), ref, changes, options);
      },

      async get<P extends Provider>(input: ParticipantRef<P>, options?: CallOptions): Promise<Participant<P>> {
        const ref = checkParticipantRef(input, ['provider', 'chatId', 'participantId', 'workspaceId'], birdWorkspace);
        const provider = ref.provider as P;
        return adapterFor(provider).get(clientFor(provider), ref, options);
      },

      /** Every participant of a chat, fetching pages as the iteration needs them. */
      list<P extends Provider>(input: ListInput<P>, options?: CallOptions): AsyncIterable<Participant<P>> {
        const ref = checkChatRef(input, ['provider', 'chatId', 'workspaceId', 'pageSize'], birdWorkspace);
        const pageSize = checkPageSize(ref.provider, ref.pageSize);
        const provider = ref.provider as P;
        const client = clientFor(provider);
        return { [Symbol.asyncIterator]: () => adapterFor(provider).list(client, ref, pageSize, options) };
      },
    },

    /** What each provider supports; the same as the standalone `capabilities()`. */
    capabilities,

    /** The typed vendor client of a configured provider. */
    vendor<P extends Provider>(provider: P): VendorClients[P] {
      return clientFor(checkProvider(provider) as P);
    },
  };
}

export type Parley = ReturnType<typeof createParley>;
