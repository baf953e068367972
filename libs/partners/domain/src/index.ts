export * from './published';
export * from './lib/partner.commands';
export * from './lib/partner.state';
export * from './lib/partner.rules';
export * from './lib/partner.error';
export * from './lib/partner.decider';
export * from './lib/cloud-event.mapper';
export * from './lib/partner.scope';
