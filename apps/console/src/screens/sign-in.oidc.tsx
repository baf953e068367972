import { useEffect, useRef, useState } from 'react';
import { finishSignIn, isCallback, redirectUri, startSignIn, type OidcSettings } from '../oidc.sign-in';
import { sessionFromToken, type Session } from '../session';

type Step =
  | { readonly step: 'ready' }
  | { readonly step: 'leaving' }
  | { readonly step: 'finishing' }
  | { readonly step: 'refused'; readonly message: string };

/**
 * Sign-in at the identity provider (SOOC_AUTH=oidc): a button that leaves for its login page, and,
 * when the provider sends the browser back here, the end of the flow. The address bar loses the
 * code and state at once, so neither stays in the history or is shared with a link.
 */
export function OidcSignIn({
  settings,
  onSignedIn,
}: {
  readonly settings: OidcSettings;
  readonly onSignedIn: (session: Session) => void;
}) {
  const [step, setStep] = useState<Step>(() => (isCallback() ? { step: 'finishing' } : { step: 'ready' }));
  const finishing = useRef(false);
  useEffect(() => {
    if (!isCallback() || finishing.current) return;
    finishing.current = true;
    const callback = new URL(location.href);
    history.replaceState(null, '', `${redirectUri()}#/`);
    finishSignIn(settings, callback)
      .then((token) => {
        const session = sessionFromToken(token, settings.rolesClaim);
        if (!session) throw new Error('The access token the provider gave is not a JSON Web Token');
        onSignedIn(session);
      })
      .catch((error: Error) => setStep({ step: 'refused', message: error.message }));
  }, [settings, onSignedIn]);
  const leave = () => {
    setStep({ step: 'leaving' });
    startSignIn(settings).catch((error: Error) => setStep({ step: 'refused', message: error.message }));
  };
  return (
    <div className="card" role="group" aria-labelledby="oidc-sign-in-title">
      <h2 id="oidc-sign-in-title">Sign in with your organisation</h2>
      <p>
        This gateway trusts the identity provider at <code>{settings.issuer}</code>: sign in there, and come back here
        with your role.
      </p>
      {step.step === 'finishing' && <p role="status">Finishing the sign-in…</p>}
      {step.step === 'refused' && (
        <p className="notice error" role="alert" data-testid="sign-in-refused">
          {step.message}
        </p>
      )}
      <button type="button" onClick={leave} disabled={step.step === 'leaving' || step.step === 'finishing'}>
        Sign in with the identity provider
      </button>
    </div>
  );
}
