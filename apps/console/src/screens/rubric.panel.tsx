import type { ConsoleReviewQuery } from '../gql/graphql';

type Rubric = NonNullable<ConsoleReviewQuery['rubric']>;

/** The rubric reviewers score against: its criteria, what each counts, and whether it is blind. */
export function RubricPanel({ rubric }: { readonly rubric: Rubric }) {
  const total = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <article className="panel wide" aria-labelledby="rubric-title" data-testid="rubric">
      <h2 id="rubric-title">Rubric v{rubric.version}</h2>
      <p className="sub">
        {rubric.blind ? 'Blind: reviewers see applications by reference only.' : 'Open: reviewers see who applied.'}{' '}
        {rubric.reviewsRequired} review{rubric.reviewsRequired === 1 ? '' : 's'} needed before a decision. Each
        criterion is scored 0 to 5.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Key</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {rubric.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <td>{c.id}</td>
              <td>
                {c.weight} ({total > 0 ? Math.round((c.weight / total) * 100) : 0}%)
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
