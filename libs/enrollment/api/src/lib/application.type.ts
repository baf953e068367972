import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GLOBAL_ID, Node } from '@sooc/graphql';
import { AdmissionDecision, ApplicationStatus, LearnerLevel } from './enums';
import { DateTimeScalar } from '@sooc/graphql';

@ObjectType({ description: "The learner's answer to one of the cohort's questions" })
export class ApplicationAnswer {
  @Field(() => ID, { description: 'The question answered' })
  questionId!: string;

  @Field({ description: "The learner's answer, as written" })
  answer!: string;
}

@ObjectType({ description: "A reviewer's latest review of the application" })
export class ApplicationReview {
  @Field(() => ID, { description: 'Who reviewed' })
  reviewerId!: string;

  @Field(() => Float, { description: 'Weighted score on 0..100' })
  score!: number;

  @Field(() => Int, { description: 'Version of the rubric the review was scored on' })
  rubricVersion!: number;

  @Field(() => String, { nullable: true, description: "The reviewer's comment; null when they left none" })
  comment!: string | null;
}

@ObjectType({ description: 'Who took a decision' })
export class DecisionActor {
  @Field(() => ID, { description: "The person's (or the system's) id" })
  id!: string;

  @Field({
    description:
      'Their role when deciding: admin, reviewer, facilitator, compliance, partner, learner, system or anonymous',
  })
  role!: string;
}

@ObjectType({ description: 'The selection decision as recorded, with the ranking it was taken on' })
export class RecordedDecision {
  @Field(() => AdmissionDecision, { description: 'What was decided' })
  decision!: AdmissionDecision;

  @Field(() => String, { nullable: true, description: 'Why, as the decider wrote it; null when none was recorded' })
  reason!: string | null;

  @Field(() => DecisionActor, { nullable: true, description: 'Who decided; null when it was not recorded' })
  decidedBy!: DecisionActor | null;

  @Field(() => ID, { nullable: true, description: "The selection's id for the decision; null when not recorded" })
  decisionId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was decided; null when not recorded' })
  decidedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Rubric version the reviews were scored on' })
  rubricVersion!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean review score on 0..100 at decision time; null when the application had no review',
  })
  averageScore!: number | null;

  @Field(() => Int, { nullable: true, description: '1 = best among the reviewed applications at decision time' })
  rank!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "How many of the cohort's applications were reviewed, and ranked, at decision time",
  })
  rankedAmong!: number | null;
}

@ObjectType({ description: "A facilitator's attendance mark for one session" })
export class AttendanceMark {
  @Field(() => Int, { description: "The session, 1..the cohort's number of sessions" })
  session!: number;

  @Field({ description: 'True when the learner attended; false when marked absent (or a mark was corrected)' })
  attended!: boolean;
}

@ObjectType({ description: 'One learner applying to one cohort, as the read model shows it', implements: () => [Node] })
export class Application implements Node {
  @Field(() => ID, { description: GLOBAL_ID })
  id!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "<cohortId>-<learnerId>: what the other queries and mutations take; null for a reviewer when the cohort's rubric is blind (it holds the learner id)",
  })
  enrollmentId!: string | null;

  @Field(() => ID, {
    description:
      'An opaque reference to the application, stable, naming no learner or company: what a blind reviewer reviews it by (reviewApplication)',
  })
  reference!: string;

  @Field(() => ID, { description: 'The cohort applied to' })
  cohortId!: string;

  @Field(() => ID, { nullable: true, description: "Null for a reviewer when the cohort's rubric is blind" })
  learnerId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Null for independent learners, and for a reviewer when the cohort's rubric is blind",
  })
  companyId!: string | null;

  @Field({
    description:
      'Whether the learner agreed that their company (a partner) sees them by name in its feed, its webhooks and ' +
      'its reads of applications; ' +
      'false for an independent learner',
  })
  shareWithCompany!: boolean;

  @Field(() => LearnerLevel, { description: 'The level the learner gave for themselves' })
  level!: LearnerLevel;

  @Field(() => String, {
    nullable: true,
    description:
      "The learner's name as they gave it; null when not given, for a blind reviewer and for a partner company; " +
      '"[erased]" once the learner\'s personal data was erased',
  })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The learner's e-mail address; null when not given, for a blind reviewer and for a partner company; " +
      '"[erased]" once erased',
  })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the learner wants to take the course, 1 to 4000 characters; null for a partner company (the learner\'s own words are for those who select and teach); "[erased]" once the learner\'s personal data was erased',
  })
  motivation!: string | null;

  @Field(() => [ApplicationAnswer], {
    description: "The learner's answers to the cohort's questions; empty for a partner company, as the motivation",
  })
  answers!: ApplicationAnswer[];

  @Field(() => [String], {
    description: "The course prerequisites the learner says they meet, in the course's wording",
  })
  prerequisitesMet!: string[];

  @Field({ description: 'False when a course prerequisite is missing: the application goes no further' })
  eligible!: boolean;

  @Field(() => [String], {
    description: 'The course prerequisites the learner did not claim, at submission; empty when eligible',
  })
  unmetPrerequisites!: string[];

  @Field(() => ApplicationStatus, { description: 'Where the application stands now' })
  status!: ApplicationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Why of the last decision, waitlisting, drop, withdrawal or cancellation; null for partner companies (staff and learners write it for each other)',
  })
  statusReason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the learner applied' })
  submittedAt!: string;

  @Field(() => [ApplicationReview], {
    description:
      "Each reviewer's latest review, by reviewer id; empty before any review (and in first-come cohorts), and for the learner and partner companies (the reviewers' deliberation)",
  })
  reviews!: ApplicationReview[];

  @Field(() => Int, { description: 'Reviewers who reviewed the application (one latest review each)' })
  reviewCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean of the reviewers' latest scores, 0..100; null before any review",
  })
  averageScore!: number | null;

  @Field(() => RecordedDecision, {
    nullable: true,
    description: 'Null until the selection decides (and for first-come admissions)',
  })
  decision!: RecordedDecision | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the seat offer lapses; kept after it ended' })
  offerExpiresAt!: string | null;

  @Field({ description: 'True when the seat offer came from the waitlist, after a seat was freed' })
  promotedFromWaitlist!: boolean;

  @Field(() => [AttendanceMark], { description: 'Attendance marks recorded so far, one per session marked' })
  attendance!: AttendanceMark[];

  @Field(() => Int, { description: 'Sessions the learner is marked as having attended' })
  attendedSessions!: number;

  @Field(() => DateTimeScalar, { description: 'When the application last changed' })
  updatedAt!: string;
}
