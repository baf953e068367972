import { useQuery } from '@apollo/client/react';
import { partnerHref } from '../route';
import { ErrorNotice, Loading } from '../ui/status';
import { PARTNERS } from './partner.queries';

/**
 * The partner companies the caller may see: every one for an admin, its own for a partner token.
 * The list is the API's answer, not a filter here.
 */
export function PartnersScreen() {
  const { data, loading, error } = useQuery(PARTNERS, { fetchPolicy: 'cache-and-network' });
  const partners = data?.partners;
  return (
    <section aria-labelledby="partners-title">
      <h1 id="partners-title">Partners</h1>
      <p>Companies that receive the events of their employees’ enrollments on their webhook endpoints.</p>
      {loading && !data && <Loading what="the partners" />}
      {error && <ErrorNotice error={error} what="the partners" />}
      {partners && partners.length === 0 && <p className="empty">No partner is registered for you.</p>}
      {partners && partners.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="partners-title">
          <table data-testid="partners">
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Company</th>
                <th scope="col">Contact</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.partnerId} data-testid={`partner-row-${p.partnerId}`}>
                  <th scope="row">
                    <a href={partnerHref(p.partnerId)}>{p.name}</a>
                    <span className="sub">{p.partnerId}</span>
                  </th>
                  <td>{p.companyId}</td>
                  <td>{p.contact}</td>
                  <td>
                    <span className={`badge status-${p.status.toLowerCase()}`}>{p.status.toLowerCase()}</span>
                    {p.suspendedReason && <span className="sub">{p.suspendedReason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
