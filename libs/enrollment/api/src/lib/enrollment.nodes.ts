import { Injectable } from '@nestjs/common';
import { NodeRegistry } from '@sooc/graphql';
import { EnrollmentReader } from './enrollment.reader';

/** The enrollment context's answer to `node(id:)`: an application by its opaque reference, with the same rules as `application`. */
@Injectable()
export class EnrollmentNodes {
  constructor(nodes: NodeRegistry, reader: EnrollmentReader) {
    nodes.register('Application', (reference) => reader.applicationByReference(reference));
  }
}
