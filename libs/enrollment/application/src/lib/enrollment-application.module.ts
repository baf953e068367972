import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AcceptOfferHandler } from './accept-offer.handler';
import { CohortSnapshotReader } from './cohort-snapshot.reader';
import { DeclineOfferHandler } from './decline-offer.handler';
import { FormGroupsHandler } from './form-groups.handler';
import { RecordAttendanceHandler } from './record-attendance.handler';
import { SubmitApplicationHandler } from './submit-application.handler';
import { WithdrawApplicationHandler } from './withdraw-application.handler';

/** The enrollment command handlers. Needs SoocCoreModule (store, clock, CommandRunner) imported once at the root. */
@Module({
  imports: [CqrsModule],
  providers: [
    CohortSnapshotReader,
    SubmitApplicationHandler,
    WithdrawApplicationHandler,
    AcceptOfferHandler,
    DeclineOfferHandler,
    RecordAttendanceHandler,
    FormGroupsHandler,
  ],
})
export class EnrollmentApplicationModule {}
