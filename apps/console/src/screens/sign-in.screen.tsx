import { useEffect, useState, type FormEvent } from 'react';
import type { OidcSettings } from '../oidc.sign-in';
import { sessionFromToken, type Session } from '../session';
import { Field } from '../ui/field';
import { OidcSignIn } from './sign-in.oidc';

interface ConsoleSettings {
  readonly auth: 'local' | 'oidc';
  readonly devSignIn: boolean;
  /** The provider and client to sign in with; null without SOOC_CONSOLE_OIDC_CLIENT_ID. */
  readonly oidc: OidcSettings | null;
}

const ROLES = ['admin', 'compliance', 'facilitator', 'reviewer', 'partner', 'learner'] as const;

interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Signing in. With SOOC_AUTH=local and the development sign-in on, the gateway mints a token for
 * the role chosen here (and the screen says so: anyone who reaches this page may be anyone). With
 * SOOC_AUTH=oidc and a console client, people sign in at the identity provider. Any mode accepts a
 * token pasted in (from `npm run sooc -- token` or the identity provider).
 */
export function SignInScreen({ onSignedIn }: { readonly onSignedIn: (session: Session) => void }) {
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    fetch('settings.json')
      .then((r) => (r.ok ? (r.json() as Promise<ConsoleSettings>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setSettings, (e: Error) => setFailed(e.message));
  }, []);
  return (
    <section aria-labelledby="sign-in-title" className="sign-in">
      <h1 id="sign-in-title">Sign in to the sooc console</h1>
      {failed && (
        <p className="notice error" role="alert">
          Could not reach the gateway: {failed}
        </p>
      )}
      {!settings && !failed && <p role="status">Loading…</p>}
      {settings?.devSignIn && <DevSignIn onSignedIn={onSignedIn} />}
      {settings?.oidc && <OidcSignIn settings={settings.oidc} onSignedIn={onSignedIn} />}
      {settings && !settings.devSignIn && !settings.oidc && (
        <p className="notice">
          This gateway checks tokens of{' '}
          {settings.auth === 'oidc' ? 'its identity provider (SOOC_AUTH=oidc)' : 'its own key (SOOC_AUTH=local)'}; paste
          one below.
        </p>
      )}
      {settings && <PasteToken rolesClaim={settings.oidc?.rolesClaim} onSignedIn={onSignedIn} />}
    </section>
  );
}

function DevSignIn({ onSignedIn }: { readonly onSignedIn: (session: Session) => void }) {
  const [role, setRole] = useState<string>('admin');
  const [learnerId, setLearnerId] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [cohorts, setCohorts] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await fetch('dev-sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          role,
          learnerId,
          companyId,
          cohorts: cohorts
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        }),
      });
      const body = (await response.json()) as { token?: string; error?: { message: string; fields?: FieldProblem[] } };
      const session = body.token ? sessionFromToken(body.token) : null;
      if (session) return onSignedIn(session);
      setProblems(Object.fromEntries((body.error?.fields ?? []).map((p) => [p.field, p.message])));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="dev-sign-in-title" className="card">
      <h2 id="dev-sign-in-title">Development sign-in</h2>
      <p className="notice warning" data-testid="dev-sign-in-warning">
        Local mode (SOOC_AUTH=local): this gateway mints a token for whichever role you choose, without a password. It
        is for development and demos; turn it off with SOOC_CONSOLE_DEV_SIGNIN=false on a shared server.
      </p>
      <div className="field">
        <label htmlFor="dev-role">Role</label>
        <select id="dev-role" value={role} onChange={(e) => setRole(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {role === 'learner' && (
        <Field
          label="Learner id"
          value={learnerId}
          onChange={(e) => setLearnerId(e.target.value)}
          error={problems['learnerId']}
        />
      )}
      {role === 'partner' && (
        <Field
          label="Company id"
          value={companyId}
          onChange={(e) => setCompanyId(e.target.value)}
          error={problems['companyId']}
        />
      )}
      {(role === 'facilitator' || role === 'reviewer') && (
        <Field
          label="Cohorts"
          hint="Cohort ids, separated by commas"
          value={cohorts}
          onChange={(e) => setCohorts(e.target.value)}
          error={problems['cohorts']}
        />
      )}
      <button type="submit" disabled={busy}>
        Sign in as {role}
      </button>
    </form>
  );
}

function PasteToken({
  rolesClaim,
  onSignedIn,
}: {
  readonly rolesClaim: string | undefined;
  readonly onSignedIn: (session: Session) => void;
}) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionFromToken(token.trim(), rolesClaim);
    if (session) onSignedIn(session);
    else setError('Not a JSON Web Token (three parts separated by dots)');
  };
  return (
    <form onSubmit={submit} aria-labelledby="paste-token-title" className="card">
      <h2 id="paste-token-title">Use a token</h2>
      <Field
        label="Bearer token"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        error={error}
        autoComplete="off"
      />
      <button type="submit">Sign in with this token</button>
    </form>
  );
}
