/**
 * Who is signed in: the bearer token and what its payload says, kept in sessionStorage so that a
 * reload keeps the session and closing the tab ends it. The console reads the role only to choose
 * what to offer; the API decides what each token may see and do.
 */
export interface Session {
  readonly token: string;
  readonly role: string;
  readonly subject: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
  /** Where the token holds its roles (SOOC_ROLES_CLAIM), so a reload reads the role again. */
  readonly rolesClaim: string;
}

const KEY = 'sooc.console.session';
const ROLES_CLAIM_KEY = 'sooc.console.roles-claim';

/** A claim by its dotted path (`realm_access.roles`, as SOOC_ROLES_CLAIM names it). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

const SOOC_ROLES = ['admin', 'compliance', 'facilitator', 'reviewer', 'partner', 'learner'];

/**
 * The token's payload, read without checking the signature: the gateway checks it on every call.
 * The role is the first of sooc's roles in the roles claim, as the gateway reads it (a provider
 * adds roles of its own, such as `offline_access`).
 */
export function sessionFromToken(token: string, rolesClaim = 'roles'): Session | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const listed = claimAt(claims, rolesClaim);
    const roles = (Array.isArray(listed) ? (listed as unknown[]) : [listed]).filter(
      (r) => typeof r === 'string' && SOOC_ROLES.includes(r),
    );
    return {
      rolesClaim,
      token,
      role: typeof roles[0] === 'string' ? roles[0] : 'unknown',
      subject: typeof claims['sub'] === 'string' ? claims['sub'] : '',
      expiresAt: typeof claims['exp'] === 'number' ? claims['exp'] : 0,
    };
  } catch {
    return null;
  }
}

export function loadSession(now = Date.now()): Session | null {
  const token = sessionStorage.getItem(KEY);
  const session = token ? sessionFromToken(token, sessionStorage.getItem(ROLES_CLAIM_KEY) ?? undefined) : null;
  return session && session.expiresAt * 1000 > now ? session : null;
}

export function saveSession(session: Session | null): void {
  if (session) {
    sessionStorage.setItem(KEY, session.token);
    sessionStorage.setItem(ROLES_CLAIM_KEY, session.rolesClaim);
  } else {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(ROLES_CLAIM_KEY);
  }
}

/** Roles that run cohorts: they get the dashboard and its actions. */
export const canSeeDashboards = (role: string) => ['admin', 'compliance', 'facilitator'].includes(role);
/** Roles that read the history (the audit trail and the past). */
export const canReadHistory = (role: string) => role === 'admin' || role === 'compliance';
export const isAdmin = (role: string) => role === 'admin';
export const canFormGroups = (role: string) => role === 'admin' || role === 'facilitator';
/** Roles that score applications (reviewers in their cohorts); admins review and decide too. */
export const canReview = (role: string) => role === 'admin' || role === 'reviewer';
/** Roles that run webhook endpoints: admins for every partner, a partner for its own company. */
export const canManagePartners = (role: string) => role === 'admin' || role === 'partner';
