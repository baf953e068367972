import { randomBytes } from 'node:crypto';
import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { ReferenceCipher } from '@sooc/auth';
import type { EventStore } from '@sooc/event-sourcing';
import { PersonalDataVault } from '@sooc/personal-data';
import type { Clock } from '@sooc/timing';
import { CommandRunner } from './command-runner';
import { ReadYourWrites } from './read-your-writes';
import type { ReadModelSync } from './read-model-sync.port';
import { CLOCK, EVENT_STORE, READ_DB, READ_MODEL_SYNC } from './tokens';

export interface SoocCoreOptions {
  readonly eventStore: EventStore;
  readonly clock: Clock;
  /** The read-model database (Kysely); absent in command-only tests. */
  readonly readDb?: unknown;
  readonly readModelSync?: ReadModelSync;
  /** Opaque references (blind review); one made for this process alone when absent. */
  readonly references?: ReferenceCipher;
  /** Sealed personal data and its keys; absent in specs that never erase nor export. */
  readonly personalData?: PersonalDataVault;
}

/**
 * Binds the ports to the adapters the caller opened (the gateway at start, a spec with its own
 * store): Nest never opens or closes them, the owner does. The caller of each request comes from
 * `useRequestContext` on the app's Fastify instance.
 */
@Global()
@Module({})
export class SoocCoreModule {
  static forRoot(options: SoocCoreOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_STORE, useValue: options.eventStore },
      { provide: CLOCK, useValue: options.clock },
      { provide: ReferenceCipher, useValue: options.references ?? new ReferenceCipher(randomBytes(32)) },
      CommandRunner,
    ];
    const exported: (
      symbol | typeof CommandRunner | typeof ReadYourWrites | typeof ReferenceCipher | typeof PersonalDataVault
    )[] = [EVENT_STORE, CLOCK, ReferenceCipher, CommandRunner];
    if (options.readDb !== undefined) {
      providers.push({ provide: READ_DB, useValue: options.readDb });
      exported.push(READ_DB);
    }
    if (options.personalData) {
      providers.push({ provide: PersonalDataVault, useValue: options.personalData });
      exported.push(PersonalDataVault);
    }
    if (options.readModelSync) {
      providers.push({ provide: READ_MODEL_SYNC, useValue: options.readModelSync }, ReadYourWrites);
      exported.push(READ_MODEL_SYNC, ReadYourWrites);
    }
    return { module: SoocCoreModule, providers, exports: exported };
  }
}
