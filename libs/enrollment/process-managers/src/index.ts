export * from './lib/reaction.types';
export * from './lib/enrollment.reactions';
export * from './lib/offer-expiry.reactions';
