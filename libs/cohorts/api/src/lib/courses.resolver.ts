import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DraftCourseCommand } from '@sooc/cohorts-application';
import { PositionScalar } from '@sooc/graphql';
import { Course } from './course.type';
import { CohortsReader } from './cohorts.reader';
import { DraftCourseInput } from './draft-course.input';
import { CoursePayload } from './payloads.type';

@Resolver(() => Course)
export class CoursesResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: CohortsReader,
  ) {}

  @Query(() => Course, { nullable: true })
  async course(
    @Args('id', { type: () => ID }) id: string,
    @Args('consistentWith', { type: () => PositionScalar, nullable: true }) consistentWith?: bigint | null,
  ): Promise<Course | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.course(id);
  }

  @Mutation(() => CoursePayload)
  async draftCourse(@Args('input') input: DraftCourseInput): Promise<CoursePayload> {
    const courseId = input.courseId ?? randomUUID();
    const { title, summary, topics, language, prerequisites, selectionPolicy, defaultCapacity } = input;
    const outcome = await this.commands.execute(
      new DraftCourseCommand({
        courseId,
        title,
        summary,
        topics,
        language,
        prerequisites,
        selectionPolicy,
        defaultCapacity,
      }),
    );
    await this.reader.afterWrite(outcome);
    return { course: await this.reader.existingCourse(courseId), position: outcome.position, warnings: [] };
  }
}
