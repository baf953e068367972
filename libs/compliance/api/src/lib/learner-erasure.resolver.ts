import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { eraseLearner } from '@sooc/compliance-application';
import { learnerRecord, type ComplianceReadDb } from '@sooc/compliance-read-models';
import { ConsistentArgs, ID_MESSAGE, ID_PATTERN, MUTATION_INPUT } from '@sooc/graphql';
import { CLOCK, CommandRunner, READ_DB, ReadYourWrites } from '@sooc/nest';
import { PersonalDataVault } from '@sooc/personal-data';
import type { Clock } from '@sooc/timing';
import { Matches } from 'class-validator';
import { EraseLearnerInput } from './erase-learner.input';
import { EraseLearnerPayload, LearnerDataExport, PersonalDataStatus } from './learner-erasure.type';

@ArgsType()
export class ExportLearnerDataArgs extends ConsistentArgs {
  @Field(() => ID, { description: 'The learner whose data to export' })
  @Matches(ID_PATTERN, { message: `learnerId ${ID_MESSAGE}` })
  learnerId!: string;
}

/** A learner's rights over their personal data: to get all of it (subject access), and to have it erased. */
@Resolver()
export class LearnerErasureResolver {
  constructor(
    private readonly commands: CommandRunner,
    private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_DB) private readonly db: ComplianceReadDb,
    private readonly writes: ReadYourWrites,
  ) {}

  @Mutation(() => EraseLearnerPayload, {
    description:
      "Erases a learner's personal data: their key is deleted, so their name, e-mail, motivation and answers read " +
      '"[erased]" everywhere (applications, the audit trail, exports, subscriptions), while every decision, count ' +
      'and seat stays in the history. Erasing again changes nothing; a learner who never applied is LEARNER.NOT_FOUND',
  })
  async eraseLearner(@Args('input', MUTATION_INPUT) input: EraseLearnerInput): Promise<EraseLearnerPayload> {
    const outcome = await eraseLearner(this.commands, this.vault.keys, this.clock.now(), input);
    return {
      learnerId: outcome.learnerId,
      keysDeleted: outcome.keysDeleted,
      alreadyErased: outcome.alreadyErased,
      position: outcome.result.position,
    };
  }

  @Query(() => LearnerDataExport, {
    description:
      'Everything held about a learner (a subject access request): each application with all its events, their ' +
      'personal fields opened, or "[erased]"',
  })
  async exportLearnerData(@Args() { learnerId, consistentWith }: ExportLearnerDataArgs): Promise<LearnerDataExport> {
    await this.writes.consistentWith(consistentWith);
    const [status, record] = await Promise.all([
      this.vault.keys.statusOf(learnerId),
      learnerRecord(this.db, learnerId),
    ]);
    return {
      learnerId,
      personalData: status as PersonalDataStatus,
      exportedAt: this.clock.now().toISOString(),
      // Opened by the response (personal-data.plugin in the gateway), like every other field.
      data: { ...record },
    };
  }
}
