import type { PartnerRow, PartnersReadDb } from './partners.read-model';

/** The registered partners by id: all of them, or the one(s) speaking for a company (a partner token's own). */
export async function listPartners(
  db: PartnersReadDb,
  filter: { readonly companyId: string | null },
): Promise<PartnerRow[]> {
  let query = db.selectFrom('partners').selectAll();
  if (filter.companyId !== null) query = query.where('company_id', '=', filter.companyId);
  return query.orderBy('partner_id').execute();
}
