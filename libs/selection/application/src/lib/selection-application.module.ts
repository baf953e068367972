import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DecideApplicationHandler } from './decide-application.handler';
import { DefineRubricHandler } from './define-rubric.handler';
import { ReviewApplicationHandler } from './review-application.handler';
import { SelectionLoader } from './selection.loader';

/** The selection command handlers. Needs SoocCoreModule (store, clock, CommandRunner) imported once at the root. */
@Module({
  imports: [CqrsModule],
  providers: [SelectionLoader, DefineRubricHandler, ReviewApplicationHandler, DecideApplicationHandler],
})
export class SelectionApplicationModule {}
