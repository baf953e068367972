export * from './lib/reaction.types';
export * from './lib/react';
export * from './lib/offer-expiry.reactions';
export * from './lib/window-closing.reactions';
