import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, WritePayload } from '@sooc/graphql';
import { Application } from './application.type';

/** What each enrollment mutation answers; each gets its own named type below. */
@ObjectType({ isAbstract: true })
export abstract class ApplicationPayload extends WritePayload {
  @Field(() => Application, {
    description:
      'The application as the write left it. Fields the write itself decides (status, dossier, offer expiry, ' +
      'attendance) are answered at once; the others (status reason, times, reviews, decision) wait until the ' +
      'read model has the write, and fail with READ_MODEL_TIMEOUT (the write stays done) if it does not within 5 s',
  })
  application!: Application;
}

@ObjectType({ description: 'The application submitted; the reactor offers a seat or a waitlist place just after' })
export class SubmitApplicationPayload extends ApplicationPayload {}

@ObjectType({ description: 'The application, withdrawn' })
export class WithdrawApplicationPayload extends ApplicationPayload {}

@ObjectType({ description: 'The application, with its seat confirmed' })
export class AcceptOfferPayload extends ApplicationPayload {}

@ObjectType({ description: 'The application, its offer declined' })
export class DeclineOfferPayload extends ApplicationPayload {}

@ObjectType({ description: 'The application with the session marked' })
export class RecordAttendancePayload extends ApplicationPayload {}

@ObjectType({ description: 'A page of applications, with how many match the filter in all' })
export class ApplicationConnection extends Connection(Application) {}
