import { Command } from '@nestjs/cqrs';
import type { CourseDraftedData } from '@sooc/cohorts-domain';
import type { CommandOutcome } from './command-outcome';

export class DraftCourseCommand extends Command<CommandOutcome> {
  constructor(readonly data: CourseDraftedData) {
    super();
  }
}
