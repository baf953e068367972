// The engine is @sooc/reactor-engine; the app only adds its configuration and main.ts.
export * from './reactor.config';
