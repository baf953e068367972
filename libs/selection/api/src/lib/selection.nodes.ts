import { Injectable } from '@nestjs/common';
import { NodeRegistry } from '@sooc/graphql';
import { SelectionReader } from './selection.reader';

/** The selection context's answer to `node(id:)`: a cohort's rubric. */
@Injectable()
export class SelectionNodes {
  constructor(nodes: NodeRegistry, reader: SelectionReader) {
    nodes.register('Rubric', (cohortId) => reader.rubric(cohortId));
  }
}
