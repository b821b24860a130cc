import { ParleyError, type CallOptions } from '@parley/runtime';
import { isRecord, type AnyAdapter } from './adapters/adapter.js';
import { describeCapabilities, type Capabilities } from './capabilities/describe.js';
import type {
  AddInputFor,
  AdapterFor,
  ClientsFor,
  ConfigFor,
  ListInputFor,
  ParticipantFor,
  ParticipantRefFor,
  ProviderOf,
  RemovedFor,
  UpdateInputFor,
} from './types.js';
import { checkCan, checkChanges, checkChatRef, checkMemberRef, checkPageSize, checkParticipantRef, checkProvider, splitScope } from './validate.js';

/**
 * One participants API over the given adapters, configured for the providers in `config`. Only
 * the adapters passed in are bundled: `createParleyWith([birdAdapter], { bird })` leaves the other
 * vendors' clients out of an application's bundle, and its types know only Bird. Every input is
 * checked before anything is sent; errors are the runtime's `ParleyError`, with `provider` set.
 */
export function createParleyWith<const As extends readonly AnyAdapter[]>(adapters: As, config: ConfigFor<As[number]> = {}) {
  type A = As[number];
  type P = ProviderOf<A>;
  const available = new Map<string, AnyAdapter>(adapters.map((adapter) => [adapter.provider, adapter]));
  const settings = (config ?? {}) as Record<string, Record<string, unknown> | undefined>; // null from plain JavaScript: none configured
  const defaults = new Map<string, Record<string, unknown>>();
  const clients = new Map<string, unknown>();
  for (const [provider, options] of Object.entries(settings)) {
    if (!options) continue;
    const adapter = adapterFor(provider); // configured but not bundled: say so now
    const { scope, clientOptions } = splitScope(adapter, options);
    defaults.set(provider, scope);
    clients.set(provider, adapter.createClient(clientOptions));
  }
  const defaultsOf = (provider: string) => defaults.get(provider) ?? {};

  function adapterFor(provider: string): AnyAdapter {
    const adapter = available.get(provider);
    if (!adapter) {
      throw new ParleyError('invalid_input', `${provider} is not available: pass its adapter to createParleyWith, or use createParley`, {
        provider,
        field: 'provider',
      });
    }
    return adapter;
  }
  function clientFor(adapter: AnyAdapter): unknown {
    const client = clients.get(adapter.provider);
    if (!client) {
      throw new ParleyError('invalid_input', `${adapter.provider} is not configured; configure it with ${adapter.howToConfigure}`, {
        provider: adapter.provider,
        field: 'provider',
      });
    }
    return client;
  }
  const lookup = (provider: unknown) => available.get(checkProvider(provider, [...available.keys()]))!;
  /** The adapters `add`/`remove` may use: a provider that cannot is refused before its input is looked at. */
  function ableTo(operation: 'add' | 'remove', input: unknown): ReadonlyMap<string, AnyAdapter> {
    const provider = isRecord(input) ? input.provider : undefined;
    if (typeof provider !== 'string' || !available.has(provider)) return available; // checkChatRef says what is wrong
    return new Map([[provider, checkCan(available.get(provider)!, operation)]]);
  }

  return {
    participants: {
      /** Changes a participant; what a provider cannot change fails with `unsupported` before any request. */
      async update<Q extends P>(input: { provider: Q } & UpdateInputFor<AdapterFor<A, Q>>, options?: CallOptions): Promise<ParticipantFor<AdapterFor<A, Q>>> {
        const { adapter, ref, input: checked } = checkParticipantRef(available, input, ['participantId', 'set'], defaultsOf);
        const changes = checkChanges(adapter.provider, checked.set, describeCapabilities(adapter.capabilities).set);
        return adapter.update(clientFor(adapter), ref, changes, options) as Promise<ParticipantFor<AdapterFor<A, Q>>>;
      },

      async get<Q extends P>(input: { provider: Q } & ParticipantRefFor<AdapterFor<A, Q>>, options?: CallOptions): Promise<ParticipantFor<AdapterFor<A, Q>>> {
        const { adapter, ref } = checkParticipantRef(available, input, ['participantId'], defaultsOf);
        return adapter.get(clientFor(adapter), ref, options) as Promise<ParticipantFor<AdapterFor<A, Q>>>;
      },

      /**
       * Adds `memberId` (who the provider adds: see `capabilities(provider).details.memberId`) to a
       * chat and answers the participant it became. `unsupported` before any request where the
       * provider cannot add.
       */
      async add<Q extends P>(input: { provider: Q } & AddInputFor<AdapterFor<A, Q>>, options?: CallOptions): Promise<ParticipantFor<AdapterFor<A, Q>>> {
        const { adapter, ref } = checkMemberRef(ableTo('add', input), input, ['memberId'], defaultsOf);
        return adapter.add!(clientFor(adapter), ref, options) as Promise<ParticipantFor<AdapterFor<A, Q>>>;
      },

      /** Removes a participant from a chat. `unsupported` before any request where the provider cannot remove. */
      async remove<Q extends P>(input: { provider: Q } & ParticipantRefFor<AdapterFor<A, Q>>, options?: CallOptions): Promise<RemovedFor<AdapterFor<A, Q>>> {
        const { adapter, ref } = checkParticipantRef(ableTo('remove', input), input, ['participantId'], defaultsOf);
        return adapter.remove!(clientFor(adapter), ref, options) as Promise<RemovedFor<AdapterFor<A, Q>>>;
      },

      /** Every participant of a chat, fetching pages as the iteration needs them. */
      list<Q extends P>(input: { provider: Q } & ListInputFor<AdapterFor<A, Q>>, options?: CallOptions): AsyncIterable<ParticipantFor<AdapterFor<A, Q>>> {
        const { adapter, ref, input: checked } = checkChatRef(available, input, ['pageSize'], defaultsOf);
        const pageSize = checkPageSize(adapter.provider, checked.pageSize);
        const client = clientFor(adapter);
        return { [Symbol.asyncIterator]: () => adapter.list(client, ref, pageSize, options) as AsyncIterator<ParticipantFor<AdapterFor<A, Q>>> };
      },
    },

    /** What a provider supports; needs no credentials. */
    capabilities(provider: P): Capabilities {
      return describeCapabilities(lookup(provider).capabilities);
    },

    /** The typed vendor client of a configured provider. */
    vendor<Q extends P>(provider: Q): ClientsFor<A>[Q] {
      return clientFor(lookup(provider)) as ClientsFor<A>[Q];
    },
  };
}

export type Parley<As extends readonly AnyAdapter[]> = ReturnType<typeof createParleyWith<As>>;
