import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { ConsoleClientContext, createApolloClient } from './apollo.client';
import { useRoute } from './route';
import { AuditScreen } from './screens/audit.screen';
import { CohortScreen } from './screens/cohort.screen';
import { GroupsScreen } from './screens/groups.screen';
import { LearnerScreen } from './screens/learner.screen';
import { ReviewScreen } from './screens/review.screen';
import { CohortsScreen } from './screens/cohorts.screen';
import { DeliveriesScreen } from './screens/deliveries.screen';
import { PartnerScreen } from './screens/partner.screen';
import { PartnersScreen } from './screens/partners.screen';
import { SignInScreen } from './screens/sign-in.screen';
import { canManagePartners, loadSession, saveSession, type Session } from './session';

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const route = useRoute();
  const apollo = useMemo(() => (session ? createApolloClient(session.token) : null), [session]);
  useEffect(() => () => apollo?.dispose(), [apollo]);
  const signIn = (next: Session | null) => {
    saveSession(next);
    setSession(next);
  };
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/">
          sooc console
        </a>
        {session && (
          <nav aria-label="Main">
            <a href="#/">Cohorts</a>
            {canManagePartners(session.role) && <a href="#/partners">Partners</a>}
          </nav>
        )}
        {session && (
          <div className="who">
            <span data-testid="signed-in-as">
              {session.subject} · <strong>{session.role}</strong>
            </span>
            <button type="button" onClick={() => signIn(null)}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {!session || !apollo ? (
          <SignInScreen onSignedIn={signIn} />
        ) : (
          <ApolloProvider client={apollo.client}>
            <ConsoleClientContext.Provider value={apollo}>
              {route.screen === 'cohorts' && <CohortsScreen role={session.role} />}
              {route.screen === 'cohort' && (
                <CohortScreen key={route.cohortId} cohortId={route.cohortId} role={session.role} />
              )}
              {route.screen === 'groups' && <GroupsScreen key={route.cohortId} cohortId={route.cohortId} />}
              {route.screen === 'audit' && <AuditScreen key={route.cohortId} cohortId={route.cohortId} />}
              {route.screen === 'review' && (
                <ReviewScreen
                  key={route.cohortId}
                  cohortId={route.cohortId}
                  role={session.role}
                  subject={session.subject}
                />
              )}
              {route.screen === 'learner' && <LearnerScreen key={route.learnerId} learnerId={route.learnerId} />}
              {route.screen === 'partners' && <PartnersScreen />}
              {route.screen === 'partner' && <PartnerScreen key={route.partnerId} partnerId={route.partnerId} />}
              {route.screen === 'deliveries' && (
                <DeliveriesScreen
                  key={`${route.partnerId}/${route.endpointId}`}
                  partnerId={route.partnerId}
                  endpointId={route.endpointId}
                />
              )}
              {route.screen === 'not-found' && (
                <section>
                  <h1>Not found</h1>
                  <p>
                    Nothing is at {route.path}. <a href="#/">Back to the cohorts</a>.
                  </p>
                </section>
              )}
            </ConsoleClientContext.Provider>
          </ApolloProvider>
        )}
      </main>
    </>
  );
}
