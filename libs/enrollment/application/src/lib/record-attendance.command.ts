import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from '@sooc/nest';

export class RecordAttendanceCommand extends Command<CommandOutcome> {
  constructor(
    readonly cohortId: string,
    readonly learnerId: string,
    readonly session: number,
    readonly attended: boolean,
  ) {
    super();
  }
}
