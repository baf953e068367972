import { Inject, Injectable } from '@nestjs/common';
import { enrollmentIdOf } from '@sooc/enrollment-domain';
import {
  encodeApplicationCursor,
  findApplication,
  learnerEnrollments,
  listApplications,
  type ApplicationSort,
  type ApplicationView,
  type Connection,
  type EnrollmentReadDb,
} from '@sooc/enrollment-read-models';
import type { ConnectionShape, Edge } from '@sooc/graphql';
import { mayReadApplication, ReferenceCipher, type Principal } from '@sooc/auth';
import { READ_DB, ReadYourWrites, RequestContext, type CommandOutcome } from '@sooc/nest';
import { isBlindReview, type SelectionReadDb } from '@sooc/selection-read-models/published';
import { toApplication, type Redaction } from './application.mapper';
import type { Application } from './application.type';
import { redactionFor } from './application.redaction';
import type { ApplicationsArgs, LearnerEnrollmentsArgs } from './enrollment-queries.args';

/** The enrollment read models as the API shows them, with read-your-writes and blind review applied. */
@Injectable()
export class EnrollmentReader {
  constructor(
    @Inject(READ_DB) private readonly db: EnrollmentReadDb,
    /** The same database, as the selection's published read functions take it. */
    @Inject(READ_DB) private readonly selectionDb: SelectionReadDb,
    private readonly writes: ReadYourWrites,
    private readonly references: ReferenceCipher,
  ) {}

  /** The opaque reference of an enrollment, as this gateway makes it. */
  readonly referenceOf = (enrollmentId: string) => this.references.encode(enrollmentId);

  consistentWith(position: bigint | null | undefined): Promise<void> {
    return this.writes.consistentWith(position);
  }

  afterWrite(outcome: CommandOutcome): Promise<void> {
    return this.writes.afterWrite(outcome);
  }

  /** Null when there is none, and when it is not the caller's to read (the same answer: it does not say which). */
  async application(cohortId: string, learnerId: string): Promise<Application | null> {
    return this.readable(await findApplication(this.db, enrollmentIdOf(cohortId, learnerId)));
  }

  /** For payloads: the enrollment was just written, so a missing row is a bug, not a "not found". */
  async existingApplication(cohortId: string, learnerId: string): Promise<Application> {
    const application = await this.application(cohortId, learnerId);
    if (!application)
      throw new Error(
        `Application ${enrollmentIdOf(cohortId, learnerId)} is missing from the read model after its write`,
      );
    return application;
  }

  /** By its opaque reference (for `node(id:)`), with the same rules as `application`. */
  async applicationByReference(reference: string): Promise<Application | null> {
    const enrollmentId = this.references.decode(reference);
    return enrollmentId === null ? null : this.readable(await findApplication(this.db, enrollmentId));
  }

  private async readable(view: ApplicationView | null | undefined): Promise<Application | null> {
    const { principal } = RequestContext.current();
    if (!view || !mayReadApplication(principal, view)) return null;
    return toApplication(view, this.referenceOf, await this.redaction(view.cohortId));
  }

  async applications(args: ApplicationsArgs): Promise<ConnectionShape<Application>> {
    const [page, redaction] = await Promise.all([
      listApplications(this.db, {
        cohortId: args.cohortId,
        status: args.status,
        sort: args.sort,
        first: args.first,
        after: args.after,
        ...companyScope(RequestContext.current().principal),
      }),
      this.redaction(args.cohortId),
    ]);
    return connectionOf(page, args.after, (view) => ({
      cursor: cursorOf(view, args.sort),
      node: toApplication(view, this.referenceOf, redaction),
    }));
  }

  async learnerEnrollments(args: LearnerEnrollmentsArgs): Promise<ConnectionShape<Application>> {
    const page = await learnerEnrollments(this.db, { ...args, ...companyScope(RequestContext.current().principal) });
    const cohorts = [...new Set(page.nodes.map((v) => v.cohortId))];
    const redactions = new Map(await Promise.all(cohorts.map(async (id) => [id, await this.redaction(id)] as const)));
    return connectionOf(page, args.after, (view) => ({
      cursor: cursorOf(view, 'arrival'),
      node: toApplication(
        view,
        this.referenceOf,
        redactions.get(view.cohortId) ?? redactionFor(RequestContext.current().principal, true),
      ),
    }));
  }

  /** What the caller may not see of the cohort's applications (blind review). */
  async redaction(cohortId: string): Promise<Redaction> {
    const { principal } = RequestContext.current();
    // Only reviewers can be affected: everyone else skips the rubric lookup.
    if (principal.role !== 'reviewer') return redactionFor(principal, false);
    // The selection's answer, through the one read function it publishes for it: never its tables.
    return redactionFor(principal, await isBlindReview(this.selectionDb, cohortId));
  }
}

/** A partner reads its own company's employees' applications only (a partner without a company, none). */
function companyScope(principal: Principal): { companyId?: string } {
  return principal.role === 'partner' ? { companyId: principal.companyId ?? '' } : {};
}

/** A read-model page as a Relay connection, each node turned into an edge. */
function connectionOf(
  page: Connection<ApplicationView>,
  after: string | null | undefined,
  toEdge: (view: ApplicationView) => Edge<Application>,
): ConnectionShape<Application> {
  const edges = page.nodes.map(toEdge);
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.pageInfo.hasNextPage,
      // Forward pagination only: a page that starts after a cursor has that cursor's node before it.
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: page.pageInfo.endCursor,
    },
  };
}

/** Every edge has its own cursor, so a client may resume from any node of a page. */
function cursorOf(view: ApplicationView, sort: ApplicationSort): string {
  const score = view.averageScore === null ? null : Math.round(view.averageScore * 100);
  return encodeApplicationCursor({ sort, score, submittedPosition: view.submittedPosition });
}
