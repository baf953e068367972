import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUTATION_INPUT } from '@sooc/graphql';
import { CommandRunner, READ_DB, RequestContext } from '@sooc/nest';
import { partnerDecider, partnerStream, type PartnerCommand } from '@sooc/partners-domain';
import { listPartners, type PartnersReadDb } from '@sooc/partners-read-models';
import { RegisterPartnerInput, ResumePartnerInput, SuspendPartnerInput } from './partner-commands.input';
import { partnerOf, partnerOfRow } from './partner.mapper';
import { Partner } from './partner.type';
import { PartnerPayload, RegisterPartnerPayload, ResumePartnerPayload, SuspendPartnerPayload } from './payloads.type';

/**
 * Partner companies: registration and status, each mutation one partner command (admins only, by
 * the policy table), and the list of them (admins all, a partner token its own company's).
 */
@Resolver(() => Partner)
export class PartnersResolver {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(READ_DB) private readonly db: PartnersReadDb,
  ) {}

  @Query(() => [Partner], {
    description:
      'The registered partner companies by partnerId: every one for admins; for a partner token, only the one ' +
      'registered for its own company (empty before it is registered)',
  })
  async partners(): Promise<Partner[]> {
    const { principal } = RequestContext.current();
    // The policy table lets in admins and partner tokens that carry a company.
    const rows = await listPartners(this.db, { companyId: principal.role === 'admin' ? null : principal.companyId });
    return rows.map(partnerOfRow);
  }

  @Mutation(() => RegisterPartnerPayload, {
    description:
      'Registers a partner company; a second registration of the same id is PARTNER.ALREADY_REGISTERED. Add its ' +
      'webhook endpoints next (addWebhookEndpoint)',
  })
  registerPartner(
    @Args('input', MUTATION_INPUT) { partnerId, companyId, name, contact }: RegisterPartnerInput,
  ): Promise<RegisterPartnerPayload> {
    return this.write({ type: 'RegisterPartner', data: { partnerId, companyId, name, contact } });
  }

  @Mutation(() => SuspendPartnerPayload, {
    description: 'Suspends a partner: nothing is delivered to it and it cannot add endpoints until it is resumed',
  })
  suspendPartner(
    @Args('input', MUTATION_INPUT) { partnerId, reason }: SuspendPartnerInput,
  ): Promise<SuspendPartnerPayload> {
    return this.write({ type: 'SuspendPartner', data: { partnerId, reason } });
  }

  @Mutation(() => ResumePartnerPayload, { description: 'Resumes a suspended partner; an active one is left as it is' })
  resumePartner(
    @Args('input', MUTATION_INPUT) { partnerId, reason }: ResumePartnerInput,
  ): Promise<ResumePartnerPayload> {
    return this.write({ type: 'ResumePartner', data: { partnerId, reason } });
  }

  private async write(command: Omit<PartnerCommand, 'metadata'>): Promise<PartnerPayload> {
    const result = await this.commands.run(partnerDecider, partnerStream(command.data.partnerId), command);
    return { partner: partnerOf(result.state), position: result.position };
  }
}
