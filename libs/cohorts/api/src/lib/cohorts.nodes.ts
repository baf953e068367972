import { Injectable } from '@nestjs/common';
import { NodeRegistry } from '@sooc/graphql';
import { MAX_WAITLIST_PAGE } from './cohort-dashboard.args';
import { CohortsReader } from './cohorts.reader';

/** The cohorts context's answers to `node(id:)`: each type read as its own query reads it. */
@Injectable()
export class CohortsNodes {
  constructor(nodes: NodeRegistry, reader: CohortsReader) {
    nodes.register('Course', (courseId) => reader.course(courseId));
    nodes.register('Cohort', (cohortId) => reader.cohort(cohortId));
    // The whole waitlist: a node has no arguments to page it with.
    nodes.register('CohortDashboard', (cohortId) => reader.dashboard(cohortId, MAX_WAITLIST_PAGE));
    nodes.register('CohortGroups', (cohortId) => reader.groups(cohortId));
  }
}
