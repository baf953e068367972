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
}

const KEY = 'sooc.console.session';

/** The token's payload, read without checking the signature: the gateway checks it on every call. */
export function sessionFromToken(token: string): Session | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const roles = Array.isArray(claims['roles']) ? (claims['roles'] as unknown[]) : [];
    return {
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
  const session = token ? sessionFromToken(token) : null;
  return session && session.expiresAt * 1000 > now ? session : null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
}

/** Roles that run cohorts: they get the dashboard and its actions. */
export const canSeeDashboards = (role: string) => ['admin', 'compliance', 'facilitator'].includes(role);
/** Roles that read the history (the audit trail and the past). */
export const canReadHistory = (role: string) => role === 'admin' || role === 'compliance';
export const isAdmin = (role: string) => role === 'admin';
export const canFormGroups = (role: string) => role === 'admin' || role === 'facilitator';
/** Roles that score applications (reviewers in their cohorts); admins review and decide too. */
export const canReview = (role: string) => role === 'admin' || role === 'reviewer';
