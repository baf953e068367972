import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { courseDecider, courseStream, type DraftCourse } from '@sooc/cohorts-domain';
import { CommandRunner } from '@sooc/nest';
import { CommandOutcome, outcomeOf } from './command-outcome';
import { DraftCourseCommand } from './draft-course.command';

@CommandHandler(DraftCourseCommand)
export class DraftCourseHandler implements ICommandHandler<DraftCourseCommand, CommandOutcome> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data }: DraftCourseCommand): Promise<CommandOutcome> {
    const command: Omit<DraftCourse, 'metadata'> = { type: 'DraftCourse', data };
    return outcomeOf(await this.runner.run(courseDecider, courseStream(data.courseId), command));
  }
}
