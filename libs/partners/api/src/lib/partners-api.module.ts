import { Module } from '@nestjs/common';
import { PartnersResolver } from './partners.resolver';
import { WebhookEndpointsResolver } from './webhook-endpoints.resolver';
import { PartnerFeedResolver } from './partner-feed.resolver';

/**
 * The partners' GraphQL mutations (partners and their webhook endpoints). Needs, once at the
 * root: SoocCoreModule, a GraphQLModule, and WebhookUrlSettingsModule.forRoot.
 */
@Module({ providers: [PartnersResolver, WebhookEndpointsResolver, PartnerFeedResolver] })
export class PartnersApiModule {}
