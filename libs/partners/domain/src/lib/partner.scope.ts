import type { PartnerCloudEvent } from './cloud-event.mapper';

/**
 * What a partner receives of an event about one of its employees. The learner named with their
 * consent (`shareWithCompany`, given with the application); without it the partner still learns
 * that one of its people applied, was offered a seat, completed…, in which cohort, but not who:
 * counts, not people.
 */
export function scopedForPartner(event: PartnerCloudEvent, shareWithCompany: boolean): PartnerCloudEvent {
  if (shareWithCompany || !('learnerId' in event.data || 'enrollmentId' in event.data)) return event;
  const { learnerId: _learner, enrollmentId: _enrollment, ...data } = event.data;
  return { ...event, data };
}
