import { sql } from 'kysely';
import type { Overview } from '../../shared/contract/app';
import { todayIso } from '../../shared/dates';
import type { Db } from '../db/open';

/**
 * The headline figures of docs/PRODUCT.md §2 as of a date: funds established by then, capital calls,
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

  // Paid-in: the yearly call totals (migration 0003) of the years before asOf's, then that year's calls up to
  // asOf from the covering index — about a twelfth of the call rows instead of all of them.
  const year = Number(asOf.slice(0, 4));
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const paid = await db
    .selectFrom('funds as f')
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            sql<number>`(${eb
              .selectFrom('cash_flow_year_totals as t')
              .select(sql<number>`coalesce(sum(t.amount_fen), 0)`.as('s'))
              .whereRef('t.fund_id', '=', 'f.id')
              .where('t.type', '=', 'call')
              .where('t.year', '<', year)}) + (${eb
              .selectFrom('cash_flows as c')
              .select(sql<number>`coalesce(sum(c.amount_fen), 0)`.as('s'))
              .whereRef('c.fund_id', '=', 'f.id')
              .where('c.type', '=', 'call')
              .where('c.date', '>=', yearStart)
              .where('c.date', '<=', asOf)})`,
          ),
          sql<number>`0`,
        )
        .as('paid'),
    )
    .where('f.kind', '=', 'sub')
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

  // Matched: enterprises with a deal first contacted by asOf (or undated), counted in the order of the
  // financing_deals_enterprise_dates index (no temporary b-tree). Financed and the amount closed: closed deals
  // dated by asOf — a deal cannot close before its first contact (CHECK), so they are all matched — grouped
  // per enterprise in the order of financing_deals_stage_enterprise (migration 0003).
  const matched = await db
    .selectFrom('financing_deals')
    .select(sql<number>`count(DISTINCT enterprise_id)`.as('n'))
    .where((w) => w.or([w('first_contact_date', 'is', null), w('first_contact_date', '<=', asOf)]))
    .executeTakeFirstOrThrow();
  const closed = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('financing_deals')
        .select(sql<number>`sum(amount_closed_fen)`.as('amount'))
        .where('stage', '=', 'closed')
        .where('closed_date', '<=', asOf)
        .groupBy('enterprise_id')
        .as('e'),
    )
    .select([
      (eb) => eb.fn.countAll<number>().as('financed'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('e.amount'), sql<number>`0`).as('amount'),
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
      enterprisesMatched: Number(matched.n),
      enterprisesFinanced: Number(closed.financed),
      amountClosedFen: Number(closed.amount),
    },
  };
}
