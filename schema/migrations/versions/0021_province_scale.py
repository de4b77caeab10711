"""Province scale (PostgreSQL only): per manager and day summaries the department views read,
kept by statement-level triggers in the writing transaction; indexes for what grows with years

Revision ID: 0021_province_scale
Revises: 0020_attachment_blobs
Create Date: 2026-12-07 21:00:00

A laptop (SQLite) gets nothing: it reads its own rows (decision 0032).
- ``day_figures`` (manager, day): stops planned and visited, finished visits with findings,
  slips opened, suggestions dismissed and of which 违纪 — only days with something to count;
- ``day_order_figures`` (manager, day, price class; 0: none): cartons and amount in fen.
Every write to plans, plan_stops, visits, slips, slip_suggestions, order_lines (and a change of
a SKU's price class) recomputes the (manager, day) rows it touched from the raw rows, once per
statement (transition tables), in the same transaction: a sync, an edit, a deletion all leave
the summary equal to a recomputation.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021_province_scale"
down_revision: str | None = "0020_attachment_blobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PINNED = "SECURITY DEFINER SET search_path = pg_catalog, pg_temp"

TABLES = (
    "CREATE TABLE public.day_figures (manager_id varchar(36) NOT NULL, day date NOT NULL,"
    " planned integer NOT NULL DEFAULT 0, visited integer NOT NULL DEFAULT 0,"
    " visits_with_findings integer NOT NULL DEFAULT 0, slips_opened integer NOT NULL DEFAULT 0,"
    " suggestions_dismissed integer NOT NULL DEFAULT 0,"
    " violations_dismissed integer NOT NULL DEFAULT 0, stops integer NOT NULL DEFAULT 0,"
    " visits integer NOT NULL DEFAULT 0, tag_visits integer NOT NULL DEFAULT 0,"
    " tags_complete integer NOT NULL DEFAULT 0, PRIMARY KEY (manager_id, day))",
    # the 明码标价 answer the summary counts (schema/reference/prices.toml [tags]): the views
    # read the summary's counts only while these equal the configuration; ``fieldbook server
    # init`` sets them and recomputes every day when the configuration changed
    "CREATE TABLE public.day_figures_settings (id integer PRIMARY KEY CHECK (id = 1),"
    " tags_item varchar(64) NOT NULL, tags_complete varchar(64) NOT NULL)",
    "INSERT INTO public.day_figures_settings VALUES (1, 'price_tags', '齐全规范')",
    "CREATE TABLE public.day_order_figures (manager_id varchar(36) NOT NULL, day date NOT NULL,"
    " price_class integer NOT NULL, cartons bigint NOT NULL DEFAULT 0,"
    " amount_fen bigint NOT NULL DEFAULT 0, PRIMARY KEY (manager_id, day, price_class))",
    # what the views still read raw, narrowed to what is open (it does not grow with years)
    "CREATE INDEX ix_slip_deliveries_open ON public.slip_deliveries (slip_id)"
    " WHERE state <> 'done'",
    "CREATE INDEX ix_slip_deliveries_inbox ON public.slip_deliveries (department)"
    " WHERE state <> 'pending' AND state <> 'done'",
    "CREATE INDEX ix_followups_open ON public.followups (manager_id, due_date)"
    " WHERE status = 'open'",
    # a day's dismissals (the owner may be the visit's manager: looked up per day, not per
    # manager)
    "CREATE INDEX ix_slip_suggestions_dismissed ON public.slip_suggestions (dismissed_at)"
    " WHERE status = 'dismissed'",
    # rows arrive in date order: a BRIN index is a few pages for years of lines
    "CREATE INDEX ix_order_lines_date_brin ON public.order_lines USING brin (order_date)",
    "CREATE INDEX ix_visits_date_brin ON public.visits USING brin (visit_date)",
)

REFRESH_DAYS = f"""
CREATE FUNCTION public.fb_refresh_days(ms varchar[], ds date[]) RETURNS void LANGUAGE plpgsql
{PINNED} AS $$
DECLARE tag_item varchar; tag_done varchar;
BEGIN
  SELECT tags_item, tags_complete INTO tag_item, tag_done FROM public.day_figures_settings;
  DELETE FROM public.day_figures f USING unnest(ms, ds) k(m, d)
   WHERE f.manager_id = k.m AND f.day = k.d;
  INSERT INTO public.day_figures (manager_id, day, planned, visited, visits_with_findings,
    slips_opened, suggestions_dismissed, violations_dismissed, stops, visits, tag_visits,
    tags_complete)
  SELECT k.m, k.d, coalesce(p.planned, 0), coalesce(p.visited, 0), coalesce(v.n, 0),
    coalesce(sl.n, 0), coalesce(g.n, 0), coalesce(g.violations, 0), coalesce(p.stops, 0),
    coalesce(v.visits, 0), coalesce(v.tagged, 0), coalesce(v.complete, 0)
  FROM (SELECT DISTINCT m, d FROM unnest(ms, ds) u(m, d)
        WHERE m IS NOT NULL AND d IS NOT NULL) k
  LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE s.state <> 'removed') AS planned,
      count(*) FILTER (WHERE s.state = 'visited') AS visited, count(*) AS stops
    FROM public.plans p JOIN public.plan_stops s ON s.plan_id = p.id
    WHERE p.manager_id = k.m AND p.plan_date = k.d) p ON true
  LEFT JOIN LATERAL (SELECT count(*) AS visits,
      count(*) FILTER (WHERE x.status = 'done' AND x.findings <> '[]') AS n,
      count(*) FILTER (WHERE x.status = 'done' AND x.shop_status = 'open'
        AND coalesce(CAST(nullif(x.answers, '') AS jsonb) ->> tag_item, '') <> '') AS tagged,
      count(*) FILTER (WHERE x.status = 'done' AND x.shop_status = 'open'
        AND CAST(nullif(x.answers, '') AS jsonb) ->> tag_item = tag_done) AS complete
    FROM public.visits x WHERE x.manager_id = k.m AND x.visit_date = k.d) v ON true
  LEFT JOIN LATERAL (SELECT count(*) AS n FROM public.slips s
    WHERE s.manager_id = k.m AND s.created_at >= k.d AND s.created_at < k.d + 1) sl ON true
  LEFT JOIN LATERAL (SELECT count(*) AS n,
      count(*) FILTER (WHERE s.category = 'violation') AS violations
    FROM public.slip_suggestions s LEFT JOIN public.visits x ON x.id = s.visit_id
    WHERE s.status = 'dismissed' AND s.dismissed_at >= k.d AND s.dismissed_at < k.d + 1
      AND coalesce(s.manager_id, x.manager_id) = k.m) g ON true
  WHERE coalesce(p.stops, 0) + coalesce(v.visits, 0) + coalesce(sl.n, 0) + coalesce(g.n, 0) > 0;
END $$"""

REFRESH_ORDER_DAYS = f"""
CREATE FUNCTION public.fb_refresh_order_days(ms varchar[], ds date[]) RETURNS void
LANGUAGE plpgsql {PINNED} AS $$
BEGIN
  DELETE FROM public.day_order_figures f USING unnest(ms, ds) k(m, d)
   WHERE f.manager_id = k.m AND f.day = k.d;
  INSERT INTO public.day_order_figures (manager_id, day, price_class, cartons, amount_fen)
  SELECT o.manager_id, o.order_date, coalesce(s.price_class, 0), coalesce(sum(o.cartons), 0),
    coalesce(sum(o.amount_fen), 0)
  FROM (SELECT DISTINCT m, d FROM unnest(ms, ds) u(m, d)) k
  JOIN public.order_lines o ON o.manager_id = k.m AND o.order_date = k.d
  LEFT JOIN public.skus s ON s.id = o.sku_id
  GROUP BY 1, 2, 3;
END $$"""

#: table → (which refresh, the (manager, day) keys of the rows in ``{rows}``)
KEYS = {
    "plans": ("fb_refresh_days", "SELECT manager_id, plan_date FROM {rows}"),
    "plan_stops": (
        "fb_refresh_days",
        "SELECT p.manager_id, p.plan_date FROM {rows} r JOIN public.plans p ON p.id = r.plan_id",
    ),
    "visits": ("fb_refresh_days", "SELECT manager_id, visit_date FROM {rows}"),
    "slips": ("fb_refresh_days", "SELECT manager_id, created_at::date FROM {rows}"),
    "slip_suggestions": (
        "fb_refresh_days",
        "SELECT coalesce(r.manager_id, x.manager_id), r.dismissed_at::date FROM {rows} r"
        " LEFT JOIN public.visits x ON x.id = r.visit_id WHERE r.dismissed_at IS NOT NULL",
    ),
    "order_lines": ("fb_refresh_order_days", "SELECT manager_id, order_date FROM {rows}"),
}
EVENTS = {
    "INSERT": "NEW TABLE AS new_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
}


def _trigger_function(table: str) -> str:
    refresh, keys = KEYS[table]

    def collect(source: str) -> str:
        select = " UNION ".join(keys.format(rows=rows) for rows in source.split())
        return (
            f"SELECT array_agg(k.m), array_agg(k.d) INTO ms, ds"
            f" FROM (SELECT DISTINCT * FROM ({select}) t) k(m, d);"
        )

    return (
        f"CREATE FUNCTION public.fb_days_of_{table}() RETURNS trigger LANGUAGE plpgsql"
        f" {PINNED} AS $$ DECLARE ms varchar[]; ds date[]; BEGIN"
        f" IF TG_OP = 'INSERT' THEN {collect('new_rows')}"
        f" ELSIF TG_OP = 'UPDATE' THEN {collect('new_rows old_rows')}"
        f" ELSE {collect('old_rows')} END IF;"
        f" IF ms IS NOT NULL THEN PERFORM public.{refresh}(ms, ds); END IF;"
        " RETURN NULL; END $$"
    )


SKU_CLASS = f"""
CREATE FUNCTION public.fb_days_of_skus() RETURNS trigger LANGUAGE plpgsql {PINNED} AS $$
DECLARE ms varchar[]; ds date[];
BEGIN
  SELECT array_agg(k.m), array_agg(k.d) INTO ms, ds FROM (SELECT DISTINCT o.manager_id,
    o.order_date FROM public.order_lines o WHERE o.sku_id IN (SELECT n.id FROM new_rows n
    JOIN old_rows r ON r.id = n.id WHERE n.price_class IS DISTINCT FROM r.price_class)) k(m, d);
  IF ms IS NOT NULL THEN PERFORM public.fb_refresh_order_days(ms, ds); END IF;
  RETURN NULL;
END $$"""


def _statements() -> list[str]:
    out = [*TABLES, REFRESH_DAYS, REFRESH_ORDER_DAYS, SKU_CLASS]
    for table in KEYS:
        out.append(_trigger_function(table))
        for event, transition in EVENTS.items():
            out.append(
                f"CREATE TRIGGER fb_days_{event.lower()} AFTER {event} ON public.{table}"
                f" REFERENCING {transition} FOR EACH STATEMENT"
                f" EXECUTE FUNCTION public.fb_days_of_{table}()"
            )
    out.append(
        "CREATE TRIGGER fb_days_update AFTER UPDATE ON public.skus REFERENCING OLD TABLE AS"
        " old_rows NEW TABLE AS new_rows FOR EACH STATEMENT"
        " EXECUTE FUNCTION public.fb_days_of_skus()"
    )
    # only the triggers call them (as the owner): no login may
    out += [
        f"REVOKE ALL ON FUNCTION public.{name} FROM PUBLIC"
        for name in (
            "fb_refresh_days(varchar[], date[])",
            "fb_refresh_order_days(varchar[], date[])",
            "fb_days_of_skus()",
            *(f"fb_days_of_{table}()" for table in KEYS),
        )
    ]
    # the days already there (a server migrated with data)
    out.append(
        "SELECT public.fb_refresh_days(array_agg(m), array_agg(d)) FROM (SELECT manager_id,"
        " plan_date FROM public.plans UNION SELECT manager_id, visit_date FROM public.visits"
        " UNION SELECT manager_id, created_at::date FROM public.slips UNION"
        " SELECT coalesce(s.manager_id, x.manager_id), s.dismissed_at::date"
        " FROM public.slip_suggestions s LEFT JOIN public.visits x ON x.id = s.visit_id"
        " WHERE s.dismissed_at IS NOT NULL) k(m, d) HAVING count(*) > 0"
    )
    out.append(
        "SELECT public.fb_refresh_order_days(array_agg(m), array_agg(d)) FROM (SELECT DISTINCT"
        " manager_id, order_date FROM public.order_lines) k(m, d) HAVING count(*) > 0"
    )
    return out


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in _statements():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in (*KEYS, "skus"):
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS fb_days_{event.lower()} ON public.{table}")
        op.execute(f"DROP FUNCTION IF EXISTS public.fb_days_of_{table}()")
    op.execute("DROP FUNCTION IF EXISTS public.fb_refresh_days(varchar[], date[])")
    op.execute("DROP FUNCTION IF EXISTS public.fb_refresh_order_days(varchar[], date[])")
    for index in (
        "ix_slip_deliveries_open",
        "ix_slip_deliveries_inbox",
        "ix_followups_open",
        "ix_slip_suggestions_dismissed",
        "ix_order_lines_date_brin",
        "ix_visits_date_brin",
    ):
        op.execute(f"DROP INDEX IF EXISTS public.{index}")
    op.execute("DROP TABLE IF EXISTS public.day_order_figures")
    op.execute("DROP TABLE IF EXISTS public.day_figures")
    op.execute("DROP TABLE IF EXISTS public.day_figures_settings")
