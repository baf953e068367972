// The engine lives in @sooc/reactor-engine; these re-exports keep `@sooc/reactor` importers
// compiling until they import the library directly.
export * from '@sooc/reactor-engine';
export * from './reactor.config';
