import { useEffect, useState } from 'react';

/**
 * The screens are addressed by the URL's hash (`#/cohorts/<id>`): the gateway serves one
 * index.html and needs no fallback route, and a link can be shared or reloaded. A handful of
 * routes need no router library.
 */
export type Route =
  | { readonly screen: 'cohorts' }
  | { readonly screen: 'cohort'; readonly cohortId: string }
  | { readonly screen: 'audit'; readonly cohortId: string }
  | { readonly screen: 'groups'; readonly cohortId: string }
  | { readonly screen: 'review'; readonly cohortId: string }
  | { readonly screen: 'learner'; readonly learnerId: string }
  | { readonly screen: 'partners' }
  | { readonly screen: 'partner'; readonly partnerId: string }
  | { readonly screen: 'deliveries'; readonly partnerId: string; readonly endpointId: string }
  | { readonly screen: 'not-found'; readonly path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '/cohorts') return { screen: 'cohorts' };
  const cohort = /^\/cohorts\/([^/]+)$/.exec(path);
  if (cohort?.[1]) return { screen: 'cohort', cohortId: decodeURIComponent(cohort[1]) };
  const audit = /^\/cohorts\/([^/]+)\/audit$/.exec(path);
  if (audit?.[1]) return { screen: 'audit', cohortId: decodeURIComponent(audit[1]) };
  const groups = /^\/cohorts\/([^/]+)\/groups$/.exec(path);
  if (groups?.[1]) return { screen: 'groups', cohortId: decodeURIComponent(groups[1]) };
  const review = /^\/cohorts\/([^/]+)\/review$/.exec(path);
  if (review?.[1]) return { screen: 'review', cohortId: decodeURIComponent(review[1]) };
  const learner = /^\/learners\/([^/]+)$/.exec(path);
  if (learner?.[1]) return { screen: 'learner', learnerId: decodeURIComponent(learner[1]) };
  if (path === '/partners') return { screen: 'partners' };
  const partner = /^\/partners\/([^/]+)$/.exec(path);
  if (partner?.[1]) return { screen: 'partner', partnerId: decodeURIComponent(partner[1]) };
  const deliveries = /^\/partners\/([^/]+)\/endpoints\/([^/]+)$/.exec(path);
  if (deliveries?.[1] && deliveries[2])
    return {
      screen: 'deliveries',
      partnerId: decodeURIComponent(deliveries[1]),
      endpointId: decodeURIComponent(deliveries[2]),
    };
  return { screen: 'not-found', path };
}

export const cohortHref = (cohortId: string) => `#/cohorts/${encodeURIComponent(cohortId)}`;
export const auditHref = (cohortId: string) => `${cohortHref(cohortId)}/audit`;
export const groupsHref = (cohortId: string) => `${cohortHref(cohortId)}/groups`;
export const reviewHref = (cohortId: string) => `${cohortHref(cohortId)}/review`;
export const learnerHref = (learnerId: string) => `#/learners/${encodeURIComponent(learnerId)}`;
export const partnerHref = (partnerId: string) => `#/partners/${encodeURIComponent(partnerId)}`;
export const deliveriesHref = (partnerId: string, endpointId: string) =>
  `${partnerHref(partnerId)}/endpoints/${encodeURIComponent(endpointId)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
