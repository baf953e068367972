/**
 * What a caller may do, from the strongest to the weakest. A token naming several keeps the
 * strongest (an admin who also facilitates acts as admin): one role per caller keeps every
 * event's actor, and every rule of the policy table, to a single role.
 */
export const ROLES = ['admin', 'compliance', 'facilitator', 'reviewer', 'partner', 'learner'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The strongest known role among the names a token carries; unknown names are ignored. */
export function strongestRole(names: readonly unknown[]): Role | null {
  return ROLES.find((role) => names.includes(role)) ?? null;
}
