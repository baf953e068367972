export * from './lib/memory.event-store';
