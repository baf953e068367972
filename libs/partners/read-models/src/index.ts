export * from './lib/partners.read-model';
export * from './lib/partners.migrations';
export * from './lib/partners.projections';
export * from './lib/partner.projection';
export * from './lib/webhook-endpoint.projection';
export * from './lib/partner-enrollment.projection';
export * from './lib/partner-feed.projection';
export * from './lib/partner-feed.query';
