import { Inject, Injectable } from '@nestjs/common';
import { READ_DB, ReadYourWrites } from '@sooc/nest';
import { findRubric, type SelectionReadDb } from '@sooc/selection-read-models';
import { toRubric } from './selection.mapper';
import type { Rubric } from './rubric.type';

/** The selection read models as the API shows them, with read-your-writes on request. */
@Injectable()
export class SelectionReader {
  constructor(
    @Inject(READ_DB) private readonly db: SelectionReadDb,
    private readonly writes: ReadYourWrites,
  ) {}

  consistentWith(position: bigint | null | undefined): Promise<void> {
    return this.writes.consistentWith(position);
  }

  async rubric(cohortId: string): Promise<Rubric | null> {
    const view = await findRubric(this.db, cohortId);
    return view && toRubric(cohortId, view);
  }
}
