import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { CohortStatus } from '../gql/graphql';
import { Outcome, useAction } from '../ui/action';
import { Field } from '../ui/field';
import { ActionForm } from './cohort-action.form';
import {
  CHANGE_CAPACITY,
  CLOSE_APPLICATIONS,
  FORM_GROUPS,
  OPEN_APPLICATIONS,
  SET_COMPANY_QUOTA,
} from './cohort.queries';

interface ActionsProps {
  readonly cohortId: string;
  readonly status: CohortStatus;
  readonly capacity: number;
  /** Admins change the cohort; facilitators (and admins) form its groups. */
  readonly admin: boolean;
}

const warnings = (result: unknown, key: string): string => {
  const list = ((result as { data?: Record<string, { warnings?: string[] } | undefined> }).data?.[key]?.warnings ??
    []) as string[];
  return list.length > 0 ? ` Warning: ${list.join('; ')}` : '';
};

export function CohortActions({ cohortId, status, capacity, admin }: ActionsProps) {
  const [open] = useMutation(OPEN_APPLICATIONS);
  const [close] = useMutation(CLOSE_APPLICATIONS);
  const [changeCapacity] = useMutation(CHANGE_CAPACITY);
  const [setQuota] = useMutation(SET_COMPANY_QUOTA);
  const [formGroups] = useMutation(FORM_GROUPS);
  const window = useAction();
  const capacityForm = useAction();
  const quotaForm = useAction();
  const groupsForm = useAction();
  const [newCapacity, setNewCapacity] = useState(String(capacity));
  const [companyId, setCompanyId] = useState('');
  const [seats, setSeats] = useState('');
  const [groupSize, setGroupSize] = useState('');
  const asInt = (text: string) => (text.trim() === '' ? NaN : Number(text));

  return (
    <section aria-labelledby="actions-title" className="actions">
      <h2 id="actions-title">Actions</h2>
      <div className="grid">
        {admin && (
          <div className="card">
            <h3>Applications</h3>
            <p>
              {status === 'OPEN'
                ? 'Applications are open.'
                : status === 'PLANNED'
                  ? 'Applications are not open yet.'
                  : `The cohort is ${status.toLowerCase()}.`}
            </p>
            <div className="buttons">
              <button
                type="button"
                onClick={() =>
                  void window.run(
                    () => open({ variables: { cohortId } }),
                    () => 'Applications opened.',
                  )
                }
              >
                Open applications
              </button>
              <button
                type="button"
                onClick={() =>
                  void window.run(
                    () => close({ variables: { cohortId } }),
                    () => 'Applications closed.',
                  )
                }
              >
                Close applications
              </button>
            </div>
            <Outcome outcome={window.outcome} />
          </div>
        )}
        {admin && (
          <ActionForm
            title="Capacity"
            submit="Change capacity"
            outcome={capacityForm.outcome}
            onSubmit={() =>
              void capacityForm.run(
                () => changeCapacity({ variables: { cohortId, capacity: asInt(newCapacity) } }),
                (r) => `Capacity changed to ${newCapacity}.${warnings(r, 'changeCapacity')}`,
              )
            }
          >
            <Field
              label="New capacity"
              type="number"
              inputMode="numeric"
              value={newCapacity}
              onChange={(e) => setNewCapacity(e.target.value)}
              error={capacityForm.outcome.errors.fields['capacity']}
            />
          </ActionForm>
        )}
        {admin && (
          <ActionForm
            title="Company quota"
            submit="Set quota"
            outcome={quotaForm.outcome}
            onSubmit={() =>
              void quotaForm.run(
                () => setQuota({ variables: { cohortId, companyId: companyId.trim(), seats: asInt(seats) } }),
                (r) => `Quota of ${companyId} set to ${seats}.${warnings(r, 'setCompanyQuota')}`,
              )
            }
          >
            <Field
              label="Company id"
              value={companyId}
              onChange={(e) => setCompanyId(e.target.value)}
              error={quotaForm.outcome.errors.fields['companyId']}
            />
            <Field
              label="Quota seats"
              type="number"
              inputMode="numeric"
              value={seats}
              onChange={(e) => setSeats(e.target.value)}
              error={quotaForm.outcome.errors.fields['seats']}
            />
          </ActionForm>
        )}
        <ActionForm
          title="Groups"
          submit="Form groups"
          outcome={groupsForm.outcome}
          onSubmit={() =>
            void groupsForm.run(
              () =>
                formGroups({
                  variables: { cohortId, targetSize: groupSize.trim() === '' ? null : asInt(groupSize) },
                }),
              (r) => {
                const groups =
                  (r as { data?: { formGroups?: { groups?: { groups?: unknown[] } } } }).data?.formGroups?.groups
                    ?.groups ?? [];
                return `${groups.length} group${groups.length === 1 ? '' : 's'} formed.`;
              },
            )
          }
        >
          <Field
            label="Group size"
            hint="Empty: the cohort's target size"
            type="number"
            inputMode="numeric"
            value={groupSize}
            onChange={(e) => setGroupSize(e.target.value)}
            error={groupsForm.outcome.errors.fields['targetSize']}
          />
        </ActionForm>
      </div>
    </section>
  );
}
