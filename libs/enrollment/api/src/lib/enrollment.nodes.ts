import { Injectable } from '@nestjs/common';
import { NodeRegistry } from '@sooc/graphql';
import { EnrollmentReader } from './enrollment.reader';

/** The enrollment context's answer to `node(id:)`: an application, with its cohort's blind review applied. */
@Injectable()
export class EnrollmentNodes {
  constructor(nodes: NodeRegistry, reader: EnrollmentReader) {
    nodes.register('Application', (enrollmentId) => reader.applicationById(enrollmentId));
  }
}
