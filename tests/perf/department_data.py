"""A department server's year, generated inside PostgreSQL for the department-view benchmark:
``managers`` managers × ``customers`` customers, every working day of ``weeks`` weeks a plan of
the weekday's route (customers / 5 shops) with nearly every shop visited, weekly orders of
~10 SKU lines for 90 % of customers, two slips a week per manager with three deliveries each,
a follow-up a week, and a week report per manager and week. 50 × 150 × 52 weeks gives
~380,000 visits and ~3.5 million order lines. Deterministic (``setseed``)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine, text

from fieldbook.core.routine.week import label_for, report_period

M = "'m' || lpad(i::text, 3, '0')"  # manager id from the series i


def statements(managers: int, customers: int, weeks: int, end: date) -> list[str]:
    start = end - timedelta(weeks=weeks) + timedelta(days=1)
    days = (
        f"(SELECT d::date AS d FROM generate_series('{start}'::date, '{end}'::date, '1 day') d"
        " WHERE extract(isodow FROM d) <= 5) days"
    )
    mgr = f"generate_series(1, {managers}) i"
    cust = f"generate_series(1, {customers}) k"
    stop_id = "'ps' || i || '-' || to_char(d, 'YYYYMMDD') || '-' || k"
    on_route = "(k % 5) + 1 = extract(isodow FROM d)::int"
    return [
        "SELECT setseed(0.42)",
        f"INSERT INTO managers (id, code, name, district_unit, territory, phone, created_at,"
        f" updated_at) SELECT {M}, 'QTH' || lpad(i::text, 3, '0'), '经理' || i, '新兴区',"
        f" '片区' || i, '', now(), now() FROM {mgr}",
        "INSERT INTO skus (id, code, name, brand, price_class_overridden, is_key_brand, is_new,"
        " on_market, search_text, created_at, updated_at) SELECT 's' || j,"
        " '1310' || lpad(j::text, 4, '0'), '卷烟' || j, '品牌' || (j % 10), false, j % 7 = 0,"
        " false, true, '', now(), now() FROM generate_series(1, 40) j",
        f"INSERT INTO customers (id, manager_id, code, licence_no, shop_name, owner_name, phone,"
        f" address, district, format, market_type, status, is_key_customer, pending_completion,"
        f" notes, search_text, created_at, updated_at, order_weekday) SELECT 'c' || i || '-' || k,"
        f" {M}, '23' || lpad(i::text, 3, '0') || lpad(k::text, 5, '0'), '', '店' || i || '-' || k,"
        f" '', '', '', '', '', '', 'active', false, false, '', '', now(), now(), (k % 5) + 1"
        f" FROM {mgr}, {cust}",
        f"INSERT INTO plans (id, manager_id, plan_date, target_size, created_at, updated_at)"
        f" SELECT 'p' || i || '-' || to_char(d, 'YYYYMMDD'), {M}, d, 30, d, d FROM {mgr}, {days}",
        f"INSERT INTO plan_stops (id, plan_id, customer_id, position, reasons, reason_note, state,"
        f" state_reason, created_at, updated_at) SELECT {stop_id},"
        f" 'p' || i || '-' || to_char(d, 'YYYYMMDD'), 'c' || i || '-' || k, k, 'route', '',"
        f" CASE WHEN random() < 0.03 THEN 'skipped' ELSE 'visited' END, '', d, d"
        f" FROM {mgr}, {days}, {cust} WHERE {on_route}",
        "INSERT INTO visits (id, manager_id, customer_id, plan_stop_id, visit_date, status,"
        " shop_status, arrived_at, left_at, checklist_id, checklist_version, answers, findings,"
        " late_entry, recorded_at, updated_at, finished_at) SELECT 'v' || s.id, p.manager_id,"
        " s.customer_id, s.id, p.plan_date, 'done', 'open',"
        " p.plan_date + time '07:30' + s.position * interval '11 minutes',"
        " p.plan_date + time '07:40' + s.position * interval '11 minutes', 'visit', 1, '{}',"
        " CASE WHEN random() < 0.45 THEN '[{\"item\": \"price_tags\"}]' ELSE '[]' END, false,"
        " p.plan_date + time '08:00', p.plan_date + time '15:00', p.plan_date + time '15:00'"
        " FROM plan_stops s JOIN plans p ON p.id = s.plan_id WHERE s.state = 'visited'",
        f"INSERT INTO order_lines (id, manager_id, order_date, customer_id, sku_id, cartons,"
        f" amount_fen, imported_at, source) SELECT 'o' || i || '-' || k || '-' ||"
        f" to_char(d, 'YYYYMMDD') || '-' || j, {M}, d, 'c' || i || '-' || k,"
        f" 's' || ((k * 7 + j * 3 + extract(week FROM d)::int) % 40 + 1), c.n, c.n * 13900, d,"
        f" 'bench' FROM {mgr}, {days}, {cust}, generate_series(1, 10) j,"
        f" LATERAL (SELECT 1 + floor(random() * 4)::int AS n) c"
        f" WHERE {on_route} AND (k * 31 + extract(doy FROM d)::int) % 10 <> 0",
        f"INSERT INTO slips (id, number, manager_id, customer_id, customer_snapshot, category,"
        f" sub_reason, description, sku_ids, created_at, due_date, applied_to_customer,"
        f" updated_at) SELECT 'sl' || i || '-' || w || '-' || n,"
        f" 'FK-' || to_char(now(), 'YYYYMMDD') || '-' || i || '-' || w || '-' || n, {M},"
        f" 'c' || i || '-' || ((w * 3 + n) % {customers} + 1), '{{}}', 'no_order', '',"
        f" '连续未订货', '[]',"
        f" '{end}'::date - w * 7 + time '15:00', '{end}'::date - w * 7 + 3, false, now()"
        f" FROM {mgr}, generate_series(0, {weeks - 1}) w, generate_series(1, 2) n",
        "INSERT INTO slip_deliveries (id, slip_id, department, state, answer, handled_by,"
        " updated_at) SELECT s.id || '-' || dep, s.id, dep,"
        " CASE WHEN s.created_at < now() - interval '14 days' THEN 'done'"
        " WHEN random() < 0.5 THEN 'received' ELSE 'sent' END, '', '', now()"
        " FROM slips s, unnest(array['phone', 'market', 'distribution']) dep",
        f"INSERT INTO followups (id, manager_id, customer_id, source, text, requested_by, due_date,"
        f" status, closed_by, created_at, close_note) SELECT 'f' || i || '-' || w, {M},"
        f" 'c' || i || '-' || (w + 1), 'phone_staff', '核实订货意向', '电访员',"
        f" '{end}'::date - w * 7 + 5, CASE WHEN w > 2 THEN 'closed' ELSE 'open' END, '', now(), ''"
        f" FROM {mgr}, generate_series(0, {weeks - 1}) w",
    ]


def week_reports(engine: Engine, managers: int, weeks: int, end: date) -> None:
    """One report per manager and report week (labels computed by Fieldbook's own rules)."""
    labels = sorted({label_for(end - timedelta(weeks=w)) for w in range(weeks)})
    rows = []
    for i in range(1, managers + 1):
        for n, label in enumerate(labels):
            start, stop = report_period(label)
            status = "reviewed" if n < len(labels) - 2 else "submitted"
            rows.append(
                {
                    "id": f"w{i}-{label}",
                    "m": f"m{i:03d}",
                    "label": label,
                    "start": start,
                    "end": stop,
                    "status": status,
                    "review": "approved" if status == "reviewed" else "",
                }
            )
    with engine.begin() as con:
        con.execute(
            text(
                "INSERT INTO week_reports (id, manager_id, week_label, start_date, end_date,"
                " status, narrative, next_plan, figures, review, review_comment, reviewer,"
                " created_at, updated_at) VALUES (:id, :m, :label, :start, :end, :status, '{}',"
                " '{}', '{}', :review, '', '', now(), now())"
            ),
            rows,
        )


def fill(engine: Engine, *, managers: int, customers: int, weeks: int, end: date) -> None:
    with engine.begin() as con:
        for sql in statements(managers, customers, weeks, end):
            con.execute(text(sql))
    week_reports(engine, managers, weeks, end)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as con:
        con.execute(text("ANALYZE"))
