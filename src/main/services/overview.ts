import { sql } from 'kysely';
import type { Overview } from '../../shared/contract/app';
import { todayIso } from '../../shared/dates';
import type { Db } from '../db/open';

/**
 * The headline figures of PRODUCT.md §2 as of a date: funds established by then, capital calls,
 * landed projects and financing deals dated on or before it. One round trip per figure group.
 */
export async function getOverview(db: Db, asOf: string = todayIso()): Promise<Overview> {
  const funds = await db
    .selectFrom('funds')
    .select([
      'kind',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('total_size_fen'), sql<number>`0`).as('size'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('guidance_commitment_fen'), sql<number>`0`).as('commit'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('collective_assets_fen'), sql<number>`0`).as('collective'),
    ])
    .where((eb) => eb.or([eb('established_date', 'is', null), eb('established_date', '<=', asOf)]))
    .groupBy('kind')
    .execute();
  const sub = funds.find((f) => f.kind === 'sub');
  const direct = funds.find((f) => f.kind === 'direct');

  const paid = await db
    .selectFrom('cash_flows as c')
    .innerJoin('funds as f', 'f.id', 'c.fund_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('c.amount_fen'), sql<number>`0`).as('paid'))
    .where('f.kind', '=', 'sub')
    .where('c.type', '=', 'call')
    .where('c.date', '<=', asOf)
    .where((eb) => eb.or([eb('f.established_date', 'is', null), eb('f.established_date', '<=', asOf)]))
    .executeTakeFirstOrThrow();

  const landed = await db
    .selectFrom('landed_projects')
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), sql<number>`0`).as('amount'),
    ])
    .where('landed_date', '<=', asOf)
    .where('status', '!=', 'cancelled')
    .executeTakeFirstOrThrow();

  // Per enterprise first (the financing_deals_enterprise_dates index is in that order and holds every column
  // read here), then count: no temporary b-tree for the DISTINCT counts.
  const fin = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('financing_deals')
        .select([
          sql<number>`max(stage = 'closed' AND closed_date <= ${asOf})`.as('financed'),
          sql<number>`sum(CASE WHEN stage = 'closed' AND closed_date <= ${asOf} THEN amount_closed_fen END)`.as(
            'closed',
          ),
        ])
        .where((w) => w.or([w('first_contact_date', 'is', null), w('first_contact_date', '<=', asOf)]))
        .groupBy('enterprise_id')
        .as('e'),
    )
    .select([
      (eb) => eb.fn.countAll<number>().as('matched'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('e.financed'), sql<number>`0`).as('financed'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('e.closed'), sql<number>`0`).as('closed'),
    ])
    .executeTakeFirstOrThrow();

  return {
    asOf,
    subFunds: {
      count: Number(sub?.n ?? 0),
      totalSizeFen: Number(sub?.size ?? 0),
      guidanceCommitmentFen: Number(sub?.commit ?? 0),
      paidInFen: Number(paid.paid),
    },
    directFunds: {
      count: Number(direct?.n ?? 0),
      totalSizeFen: Number(direct?.size ?? 0),
      collectiveAssetsFen: Number(direct?.collective ?? 0),
    },
    landedProjects: { count: Number(landed.n), amountFen: Number(landed.amount) },
    financing: {
      enterprisesMatched: Number(fin.matched),
      enterprisesFinanced: Number(fin.financed),
      amountClosedFen: Number(fin.closed),
    },
  };
}
