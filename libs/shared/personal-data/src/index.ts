export * from './lib/sealed-text';
export * from './lib/key.store';
export * from './lib/memory.key-store';
export * from './lib/personal-data.vault';
export * from './lib/personal-data.event-store';
export * from './lib/plaintext.migration';
