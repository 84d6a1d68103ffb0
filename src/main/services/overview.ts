import { sql } from 'kysely';
import type { Overview } from '../../shared/contract/app';
import { isIsoDate, todayIso } from '../../shared/dates';
import { isPostgres } from '../db/engine';
import type { Db } from '../db/open';

/**
 * The headline figures of docs/PRODUCT.md §2 as of a date: funds established by then, capital calls,
 * landed projects and financing deals dated on or before it. One statement: each figure group is a one-row
 * aggregate, cross-joined into one row, so a PostgreSQL server is asked once instead of five times (each
 * round trip costs as much as the figures themselves at 1x); SQLite runs the same aggregates.
 *
 * The date and the codes are written into the text as literals (the date when it is one, else a parameter):
 * PostgreSQL plans a statement with parameters for any value after its fifth run (a generic plan), and for
 * `first_contact_date <= $1` it guesses a third of the deals and sorts them all instead of reading the index in
 * order: at 10x the server's time of the statement 4.6 → 3.7 ms. With literals each date has its own plan, kept
 * by the server (pg-worker.ts names a statement it sees again). A literal is only ever a checked date
 * (isIsoDate: digits and dashes), a whole year or one of the codes below.
 */
export async function getOverview(db: Db, asOf: string = todayIso()): Promise<Overview> {
  const iso = isIsoDate(asOf);
  const on = iso ? sql.lit(asOf) : asOf;
  const established = (ref: 'established_date' | 'f.established_date') =>
    sql<boolean>`(${sql.ref(ref)} IS NULL OR ${sql.ref(ref)} <= ${on})`;
  const ofKind = (
    kind: 'sub' | 'direct',
    column: 'total_size_fen' | 'guidance_commitment_fen' | 'collective_assets_fen' | null,
  ) =>
    sql<number>`coalesce(sum(CASE WHEN kind = ${sql.lit(kind)} THEN ${column ? sql.ref(column) : sql.lit(1)} END), 0)`;
  const funds = db
    .selectFrom('funds')
    .select([
      ofKind('sub', null).as('sub_n'),
      ofKind('sub', 'total_size_fen').as('sub_size'),
      ofKind('sub', 'guidance_commitment_fen').as('sub_commit'),
      ofKind('direct', null).as('direct_n'),
      ofKind('direct', 'total_size_fen').as('direct_size'),
      ofKind('direct', 'collective_assets_fen').as('direct_collective'),
    ])
    .where(established('established_date'));

  // Paid-in: the yearly call totals (migration 0003) of the years before asOf's, then that year's calls up to
  // asOf from the covering index — about a twelfth of the call rows instead of all of them.
  const year = Number(asOf.slice(0, 4));
  const firstDay = `${asOf.slice(0, 4)}-01-01`;
  const yearStart = iso ? sql.lit(firstDay) : firstDay;
  const paid = db
    .selectFrom('funds as f')
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            sql<number>`(${eb
              .selectFrom('cash_flow_year_totals as t')
              .select(sql<number>`coalesce(sum(t.amount_fen), 0)`.as('s'))
              .whereRef('t.fund_id', '=', 'f.id')
              .where('t.type', '=', sql.lit('call'))
              .where('t.year', '<', iso ? sql.lit(year) : year)}) + (${eb
              .selectFrom('cash_flows as c')
              .select(sql<number>`coalesce(sum(c.amount_fen), 0)`.as('s'))
              .whereRef('c.fund_id', '=', 'f.id')
              .where('c.type', '=', sql.lit('call'))
              .where('c.date', '>=', yearStart)
              .where('c.date', '<=', on)})`,
          ),
          sql<number>`0`,
        )
        .as('paid'),
    )
    .where('f.kind', '=', sql.lit('sub'))
    .where(established('f.established_date'));

  const pg = isPostgres(db);
  // PostgreSQL reads the two scans below from their covering indexes when asked for the index's order (a
  // sorted subquery; its planner would rather read the table): server CPU of the whole statement at 100x
  // 68 → 38 ms (load ~14). SQLite finds those indexes itself and runs the plain aggregates.
  const landedRows = db
    .selectFrom('landed_projects')
    .where('landed_date', '<=', on)
    .where('status', '!=', sql.lit('cancelled'));
  const landedSums = [
    sql<number>`count(*)`.as('landed_n'),
    sql<number>`coalesce(sum(amount_fen), 0)`.as('landed_amount'),
  ];
  const plainLanded = landedRows.select(landedSums);
  // The same columns from the sorted subquery (the cast: Kysely types a select by the table it reads).
  const landed = pg
    ? (db
        .selectFrom(
          landedRows
            .select('amount_fen')
            .orderBy('landed_date')
            .orderBy('status')
            .orderBy('amount_fen')
            .as('lp'),
        )
        .select(landedSums) as unknown as typeof plainLanded)
    : plainLanded;

  // Matched: enterprises with a deal first contacted by asOf (or undated), counted in the order of the
  // financing_deals_enterprise_dates index (no temporary b-tree). Financed and the amount closed: closed deals
  // dated by asOf — a deal cannot close before its first contact (CHECK), so they are all matched. SQLite
  // groups them per enterprise in the order of financing_deals_stage_enterprise (migration 0003); PostgreSQL
  // counts the distinct enterprises of the same index range instead of aggregating twice (GroupAggregate, then
  // an Aggregate over its groups): that part 0.80 → 0.35 ms at 10x, 7.6 → 3.0 ms at 100x (same figures).
  const dealsMatched = db
    .selectFrom('financing_deals')
    .where((w) => w.or([w('first_contact_date', 'is', null), w('first_contact_date', '<=', on)]));
  const distinct = sql<number>`count(DISTINCT enterprise_id)`.as('matched');
  const plainMatched = dealsMatched.select(distinct);
  const matched = pg
    ? (db
        .selectFrom(dealsMatched.select('enterprise_id').orderBy('enterprise_id').as('fd'))
        .select(distinct) as unknown as typeof plainMatched)
    : plainMatched;
  const dealsClosed = db
    .selectFrom('financing_deals')
    .where('stage', '=', sql.lit('closed'))
    .where('closed_date', '<=', on);
  const closedSums = [
    sql<number>`count(DISTINCT enterprise_id)`.as('financed'),
    sql<number>`coalesce(sum(amount_closed_fen), 0)`.as('closed_amount'),
  ];
  const plainClosed = dealsClosed.select(closedSums);
  const closed = pg
    ? plainClosed
    : (db
        .selectFrom(
          dealsClosed
            .select(sql<number>`sum(amount_closed_fen)`.as('amount'))
            .groupBy('enterprise_id')
            .as('e'),
        )
        .select([
          sql<number>`count(*)`.as('financed'),
          sql<number>`coalesce(sum(e.amount), 0)`.as('closed_amount'),
        ]) as unknown as typeof plainClosed);

  const r = await db
    .selectFrom([funds.as('fu'), paid.as('pa'), landed.as('la'), matched.as('ma'), closed.as('cl')])
    .selectAll()
    .executeTakeFirstOrThrow();

  return {
    asOf,
    subFunds: {
      count: Number(r.sub_n),
      totalSizeFen: Number(r.sub_size),
      guidanceCommitmentFen: Number(r.sub_commit),
      paidInFen: Number(r.paid),
    },
    directFunds: {
      count: Number(r.direct_n),
      totalSizeFen: Number(r.direct_size),
      collectiveAssetsFen: Number(r.direct_collective),
    },
    landedProjects: { count: Number(r.landed_n), amountFen: Number(r.landed_amount) },
    financing: {
      enterprisesMatched: Number(r.matched),
      enterprisesFinanced: Number(r.financed),
      amountClosedFen: Number(r.closed_amount),
    },
  };
}
