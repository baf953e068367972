import { FieldProblems, IllegalStateError, isWellFormedId } from '@sooc/event-sourcing';
import type { RegisterPartner, ResumePartner, SuspendPartner } from './partner.commands';
import { requirePartner } from './partner.error';
import type { PartnerEvent } from './partner.events';
import { requireContact, requireName, requirePartnerId, requireReason } from './partner.rules';
import type { PartnerState } from './partner.state';

export function registerPartner(command: RegisterPartner, state: PartnerState): PartnerEvent[] {
  const { partnerId, companyId } = command.data;
  const problems = new FieldProblems();
  requirePartnerId(problems, partnerId);
  problems.require(
    isWellFormedId(companyId),
    'companyId',
    'PARTNER.COMPANY_ID_INVALID',
    'companyId is required, without surrounding blanks',
  );
  const name = requireName(problems, command.data.name);
  const contact = requireContact(problems, command.data.contact);
  problems.throwIfAny('The partner cannot be registered');
  // The id is the stream: a second registration, even with the same data, is a mistake to report.
  if (state.status !== 'none')
    throw new IllegalStateError('PARTNER.ALREADY_REGISTERED', `Partner ${partnerId} is already registered`, {
      partnerId,
    });
  return [{ type: 'PartnerRegistered', data: { partnerId, companyId, name, contact } }];
}

export function suspendPartner(command: SuspendPartner, state: PartnerState): PartnerEvent[] {
  const { partnerId } = command.data;
  const problems = new FieldProblems();
  requirePartnerId(problems, partnerId);
  const reason = requireReason(problems, command.data.reason, 'PARTNER.REASON_INVALID');
  problems.throwIfAny('The partner cannot be suspended');
  const partner = requirePartner(state, partnerId);
  if (partner.status === 'suspended') return [];
  return [{ type: 'PartnerSuspended', data: { partnerId, reason } }];
}

export function resumePartner(command: ResumePartner, state: PartnerState): PartnerEvent[] {
  const { partnerId } = command.data;
  const problems = new FieldProblems();
  requirePartnerId(problems, partnerId);
  const reason = requireReason(problems, command.data.reason, 'PARTNER.REASON_INVALID');
  problems.throwIfAny('The partner cannot be resumed');
  const partner = requirePartner(state, partnerId);
  if (partner.status === 'active') return [];
  return [{ type: 'PartnerResumed', data: { partnerId, reason } }];
}
