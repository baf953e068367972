export * from './published';
export * from './lib/partner.commands';
export * from './lib/partner.state';
export * from './lib/partner.rules';
export * from './lib/partner.error';
export * from './lib/partner.decider';
