import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { MUTATION_INPUT } from '@sooc/graphql';
import { CommandRunner } from '@sooc/nest';
import { partnerDecider, partnerStream, type PartnerCommand } from '@sooc/partners-domain';
import { RegisterPartnerInput, ResumePartnerInput, SuspendPartnerInput } from './partner-commands.input';
import { partnerOf } from './partner.mapper';
import { Partner } from './partner.type';
import { PartnerPayload, RegisterPartnerPayload, ResumePartnerPayload, SuspendPartnerPayload } from './payloads.type';

/** Partner companies: registration and status, each mutation one partner command (admins only, by the policy table). */
@Resolver(() => Partner)
export class PartnersResolver {
  constructor(private readonly commands: CommandRunner) {}

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
