import type { BirdClient, BirdClientOptions } from '@parley/bird';
import type { NexudusClient, NexudusClientOptions } from '@parley/nexudus';
import { ParleyError, type CallOptions } from '@parley/runtime';
import type { SoftwareOneClient, SoftwareOneClientOptions } from '@parley/softwareone';
import type { Adapter } from './adapters/adapter.js';
import { describeCapabilities, type Capabilities } from './capabilities/describe.js';
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

/** Any provider's adapter. */
export type AnyAdapter = { [P in Provider]: Adapter<P, VendorClients[P], NonNullable<ParleyConfig[P]>> }[Provider];

/**
 * One participants API over the given adapters, configured for the providers in `config`. Only
 * the adapters passed in are bundled: `createParleyWith([birdAdapter], { bird })` leaves the other
 * vendors' clients out of an application's bundle. Every input is checked before anything is
 * sent; errors are the runtime's `ParleyError`, with `provider` set.
 */
export function createParleyWith(adapters: readonly AnyAdapter[], config: ParleyConfig = {}) {
  const { workspaceId: birdWorkspace, ...birdOptions } = config.bird ?? {};
  const available = new Map<Provider, AnyAdapter>(adapters.map((adapter) => [adapter.provider, adapter]));
  const clients = new Map<Provider, unknown>();
  for (const [provider, adapter] of available) {
    const options = provider === 'bird' ? (config.bird ? birdOptions : undefined) : config[provider];
    if (options) clients.set(provider, (adapter.createClient as (options: unknown) => unknown)(options));
  }
  for (const provider of Object.keys(config) as Provider[]) {
    if (config[provider] && !available.has(provider)) adapterFor(provider); // configured but not bundled: say so now
  }
  if (config.bird && birdWorkspace !== undefined) {
    checkChatRef({ provider: 'bird', chatId: '00000000-0000-0000-0000-000000000000', workspaceId: birdWorkspace }, ['provider', 'chatId', 'workspaceId']);
  }

  function adapterFor<P extends Provider>(provider: P): Adapter<P, VendorClients[P], unknown> {
    const adapter = available.get(provider);
    if (!adapter) {
      throw new ParleyError('invalid_input', `${provider} is not available: pass its adapter to createParleyWith, or use createParley`, {
        provider,
        field: 'provider',
      });
    }
    return adapter as unknown as Adapter<P, VendorClients[P], unknown>;
  }
  function clientFor<P extends Provider>(provider: P): VendorClients[P] {
    const adapter = adapterFor(provider);
    const client = clients.get(provider);
    if (!client) {
      throw new ParleyError('invalid_input', `${provider} is not configured; configure it with ${adapter.howToConfigure}`, {
        provider,
        field: 'provider',
      });
    }
    return client as VendorClients[P];
  }

  return {
    participants: {
      /** Changes a participant; what a provider cannot change fails with `unsupported` before any request. */
      async update<P extends Provider>(input: UpdateInput<P>, options?: CallOptions): Promise<Participant<P>> {
        const ref = checkParticipantRef(input, ['provider', 'chatId', 'participantId', 'workspaceId', 'set'], birdWorkspace);
        const provider = ref.provider as P;
        const adapter = adapterFor(provider);
        const changes = checkChanges(provider, ref.set, describeCapabilities(adapter.capabilities).set);
        return adapter.update(clientFor(provider), ref, changes, options);
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

    /** What a provider supports; needs no credentials. */
    capabilities(provider: Provider): Capabilities {
      return describeCapabilities(adapterFor(checkProvider(provider)).capabilities);
    },

    /** The typed vendor client of a configured provider. */
    vendor<P extends Provider>(provider: P): VendorClients[P] {
      return clientFor(checkProvider(provider) as P);
    },
  };
}

export type Parley = ReturnType<typeof createParleyWith>;
