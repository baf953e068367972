import { randomUUID } from 'node:crypto';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { courseDecider, courseStream } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { CONSISTENT_WITH, IdArgPipe, MUTATION_INPUT, PositionScalar } from '@sooc/graphql';
import { Course } from './course.type';
import { courseFromWrite } from './cohort-payload.mapper';
import { CohortsReader } from './cohorts.reader';
import { DraftCourseInput } from './draft-course.input';
import { DraftCoursePayload } from './payloads.type';

@Resolver(() => Course)
export class CoursesResolver {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reader: CohortsReader,
  ) {}

  @Query(() => Course, { nullable: true, description: 'One course; null when no course has this courseId' })
  async course(
    @Args(
      'courseId',
      { type: () => ID, description: "The course's own id (Course.courseId)" },
      new IdArgPipe('courseId'),
    )
    courseId: string,
    @Args('consistentWith', { type: () => PositionScalar, nullable: true, description: CONSISTENT_WITH })
    consistentWith?: bigint | null,
  ): Promise<Course | null> {
    await this.reader.consistentWith(consistentWith);
    return this.reader.course(courseId);
  }

  @Mutation(() => DraftCoursePayload, {
    description: 'Drafts a course, or revises the draft with the same courseId (admins); a repeat changes nothing',
  })
  async draftCourse(@Args('input', MUTATION_INPUT) input: DraftCourseInput): Promise<DraftCoursePayload> {
    const courseId = input.courseId ?? randomUUID();
    const { title, summary, topics, language, prerequisites, selectionPolicy, defaultCapacity } = input;
    const data = {
      courseId,
      title,
      summary,
      topics,
      language,
      prerequisites,
      selectionPolicy,
      defaultCapacity,
    };
    const result = await this.commands.run(courseDecider, courseStream(courseId), { type: 'DraftCourse', data });
    return { course: courseFromWrite(result, this.reader), position: result.position, warnings: [] };
  }
}
