import type { Projection, RecordedEvent } from '@sooc/event-sourcing';
import type { ApplicationSubmitted } from '@sooc/enrollment-domain/published';
import type { PartnerEnrollmentRow } from './partners.read-model';

/** Who applied for which company, and whether they agreed to be named to it: fixed at submission. */
export const partnerEnrollmentProjection: Projection<PartnerEnrollmentRow, ApplicationSubmitted> = {
  name: 'partners.enrollments',
  table: 'partner_enrollments',
  keyColumn: 'enrollment_id',
  handles: ['ApplicationSubmitted'],
  keyOf: (event) => event.data.enrollmentId,
  apply: (_row, event: RecordedEvent<ApplicationSubmitted>) => ({
    enrollment_id: event.data.enrollmentId,
    cohort_id: event.data.cohortId,
    learner_id: event.data.learnerId,
    company_id: event.data.dossier.companyId,
    share_with_company: event.data.dossier.companyId !== null && event.data.dossier.shareWithCompany ? 1 : 0,
  }),
};
