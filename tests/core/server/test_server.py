"""Roles on the department server, enforced by PostgreSQL itself (grants and row-level
security): managers sync as themselves and see only their own rows, a department sees only
the slips sent to it and cannot touch a visit, the director reads all and reviews."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pgserver import pg_admin, with_database
from sample_data import LEFT_LATE
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, ProgrammingError
from sync_support import laptop

from fieldbook.core.errors import InvalidValue
from fieldbook.core.journal import Journal
from fieldbook.core.server.roles import ServerUserInput, add_user, init_server
from fieldbook.core.server.sync import sync

pytestmark = pytest.mark.postgresql
PASSWORD = "s3cret-pw"


def login(url: str, role: str) -> str:
    return make_url(url).set(username=role, password=PASSWORD).render_as_string(hide_password=False)


@pytest.fixture
def server(tmp_path: Path, template_db: Path, pg_database: str) -> Iterator[dict[str, object]]:
    """Two managers synced as themselves; a 配送中心 clerk, a 专卖办 clerk, the director."""
    init_server(pg_database)
    tag = pg_database.rsplit("_", 1)[-1] + pg_database.rsplit("_", 2)[-2]
    roles = {
        "m1": ServerUserInput(f"m1_{tag}", "manager", PASSWORD, manager_code="QTH001"),
        "m2": ServerUserInput(f"m2_{tag}", "manager", PASSWORD, manager_code="QTH002"),
        "dist": ServerUserInput(f"dist_{tag}", "department", PASSWORD, department="distribution"),
        "mono": ServerUserInput(f"mono_{tag}", "department", PASSWORD, department="monopoly"),
        "director": ServerUserInput(f"dir_{tag}", "director", PASSWORD),
    }
    for user in roles.values():
        add_user(pg_database, user)
    laptops = [laptop(tmp_path, template_db, n) for n in (1, 2)]
    for key, j in zip(("m1", "m2"), laptops, strict=True):
        report = sync(j, login(pg_database, roles[key].role_name))  # as themselves, under RLS
        assert report.pushed["visits"] == 3
    engines: dict[str, Engine] = {
        key: create_engine(login(pg_database, user.role_name)) for key, user in roles.items()
    }
    yield {"engines": engines, "laptops": laptops, "admin": pg_database, "roles": roles}
    for engine in engines.values():
        engine.dispose()
    for j in laptops:
        j.close()


def scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as con:
        return con.execute(text(sql), params).scalar()


def changed(engine: Engine, sql: str, **params: object) -> int:
    with engine.begin() as con:
        return con.execute(text(sql), params).rowcount


def test_a_manager_sees_and_changes_only_their_own_rows(server: dict) -> None:
    m1, m2 = server["engines"]["m1"], server["engines"]["m2"]
    admin = create_engine(server["admin"])
    try:
        other = scalar(admin, "SELECT id FROM managers WHERE code = 'QTH002'")
        other_visit = scalar(admin, "SELECT id FROM visits WHERE manager_id = :m", m=other)
        assert scalar(admin, "SELECT count(*) FROM visits") == 6
    finally:
        admin.dispose()
    assert scalar(m1, "SELECT count(*) FROM visits") == 3
    assert scalar(m1, "SELECT count(*) FROM visits WHERE manager_id = :m", m=other) == 0
    assert scalar(m1, "SELECT count(*) FROM visit_skus v WHERE v.visit_id = :v", v=other_visit) == 0
    assert scalar(m1, "SELECT count(*) FROM customers") == 5
    assert scalar(m1, "SELECT count(*) FROM managers") == 1
    assert scalar(m1, "SELECT count(*) FROM week_reports") == 1
    assert scalar(m2, "SELECT count(*) FROM visits") == 3
    # writing another manager's rows: invisible to UPDATE, refused on INSERT
    assert changed(m1, "UPDATE visits SET status = 'absent' WHERE id = :v", v=other_visit) == 0
    with pytest.raises(DBAPIError, match="row-level security"):
        changed(
            m1,
            "INSERT INTO routes (id, manager_id, name, created_at, updated_at)"
            " VALUES ('r-x', :m, '偷偷加的线路', now(), now())",
            m=other,
        )
    # the department's columns and the company's master data are not the manager's
    with pytest.raises(ProgrammingError, match="permission denied"):
        # (a move's columns are the manager's too since decision 0029: sync_moves)
        changed(m1, "UPDATE slip_deliveries SET department = 'phone'")
    with pytest.raises(ProgrammingError, match="permission denied"):
        changed(m1, "UPDATE customers SET shop_name = '改名'")
    with pytest.raises(ProgrammingError, match="permission denied"):
        changed(m1, "UPDATE week_reports SET review = 'approved'")


def test_a_department_answers_its_slips_and_cannot_touch_a_visit(server: dict) -> None:
    dist, mono = server["engines"]["dist"], server["engines"]["mono"]
    assert scalar(dist, "SELECT count(*) FROM slips") == 2  # both managers' 暂停 slips
    assert scalar(dist, "SELECT count(*) FROM slip_deliveries") == 2  # only its own copies
    assert scalar(mono, "SELECT count(*) FROM slips") == 0  # left off both, with a reason
    for engine in (dist, mono):
        with pytest.raises(ProgrammingError, match="permission denied"):
            scalar(engine, "SELECT count(*) FROM visits")
        with pytest.raises(ProgrammingError, match="permission denied"):
            changed(engine, "UPDATE visits SET status = 'absent'")
    assert changed(dist, "UPDATE slip_deliveries SET state = 'received', answer = '已收到'") == 2
    assert changed(mono, "UPDATE slip_deliveries SET answer = '不是我的'") == 0
    admin = create_engine(server["admin"])
    try:
        answers = scalar(
            admin,
            "SELECT string_agg(DISTINCT department, ',') FROM slip_deliveries"
            " WHERE answer = '已收到'",
        )
        assert answers == "distribution"
    finally:
        admin.dispose()
    with pytest.raises(ProgrammingError, match="permission denied"):
        changed(dist, "UPDATE slip_deliveries SET slip_id = 'x'")  # only the answer columns


def test_the_director_reads_everything_and_only_reviews(server: dict) -> None:
    director = server["engines"]["director"]
    assert scalar(director, "SELECT count(*) FROM visits") == 6
    assert scalar(director, "SELECT count(*) FROM managers") == 2
    with pytest.raises(ProgrammingError, match="permission denied"):
        changed(director, "UPDATE visits SET status = 'absent'")
    reviewed = changed(
        director,
        "UPDATE week_reports SET status = 'reviewed', review = 'approved', reviewer = '李主任',"
        " reviewed_at = now()",
    )
    assert reviewed == 1  # only the submitted one (QTH001's); a draft is not reviewable
    laptops: list[Journal] = server["laptops"]
    own = login(server["admin"], server["roles"]["m1"].role_name)
    pulled = sync(laptops[0], own).pulled  # with the manager's own login: the review comes down
    assert pulled.get("week_reports") == 1
    assert laptops[0].weeks.history()[0][1:] == ("reviewed", "approved")


def test_users_are_checked_and_passwords_are_not_stored(pg_database: str) -> None:
    init_server(pg_database)
    with pytest.raises(InvalidValue):
        add_user(pg_database, ServerUserInput("x", "manager", PASSWORD, manager_code="QTH001"))
    with pytest.raises(InvalidValue):
        add_user(pg_database, ServerUserInput("shortpw_user", "director", "short"))
    with pytest.raises(InvalidValue):
        add_user(pg_database, ServerUserInput("dept_user", "department", PASSWORD, department="x"))
    for typed in ("secret\x1b[2Jpw", "secret\tpassword", "pass\x00word1"):
        # text parameters are cleaned on their way to the database: refused, never altered
        with pytest.raises(InvalidValue) as info:
            add_user(pg_database, ServerUserInput("ctl_user", "director", typed))
        assert info.value.detail == "password_control_chars"
    name = "pw_" + pg_database.rsplit("_", 1)[-1]
    add_user(pg_database, ServerUserInput(name, "director", PASSWORD))
    admin = create_engine(pg_database)
    try:
        stored = scalar(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = :r", r=name)
        assert str(stored).startswith("SCRAM-SHA-256$") and PASSWORD not in str(stored)
        assert PASSWORD not in str(scalar(admin, "SELECT row_to_json(u)::text FROM server_users u"))
    finally:
        admin.dispose()
    init_server(pg_database)  # idempotent


def test_cli_sets_up_the_server_and_its_users(
    pg_database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldbook.cli import main as cli

    assert cli.main(["--db", pg_database, "server", "init"]) == 0
    name = "cli_" + pg_database.rsplit("_", 1)[-1]
    add = ["--db", pg_database, "server", "add-user", name, "--kind", "department"]
    monkeypatch.setenv("FB_PW", PASSWORD)
    assert cli.main([*add, "--department", "phone", "--password-env", "FB_PW"]) == 0
    assert "已建立登录" in capsys.readouterr().out
    monkeypatch.delenv("FB_PW")
    assert cli.main([*add, "--department", "phone", "--password-env", "FB_PW"]) == 2
    assert "没有设置口令" in capsys.readouterr().err
    engine = create_engine(login(pg_database, name))
    try:
        assert scalar(engine, "SELECT fb_department()") == "phone"
    finally:
        engine.dispose()


def test_the_directors_spot_check_reaches_that_manager_only(server: dict) -> None:
    from fieldbook.core.server import spotcheck

    admin_url = server["admin"]
    roles = server["roles"]
    director = Journal.open(login(admin_url, roles["director"].role_name))
    try:
        check = spotcheck.draw(director, "QTH001", "2026-11", checker="李主任", size=2, seed=3)
        spotcheck.record(director, check.items[0].id, **LEFT_LATE, problems="离店时间晚记")
    finally:
        director.close()
    m1, m2 = server["engines"]["m1"], server["engines"]["m2"]
    assert scalar(m1, "SELECT count(*) FROM spot_check_items") == 2
    assert scalar(m2, "SELECT count(*) FROM spot_checks") == 0
    with pytest.raises(ProgrammingError, match="permission denied"):
        changed(m1, "UPDATE spot_check_items SET correction_status = 'done'")
    laptops: list[Journal] = server["laptops"]
    own = [login(admin_url, roles[k].role_name) for k in ("m1", "m2")]
    pulled = [sync(j, url).pulled for j, url in zip(laptops, own, strict=True)]
    assert pulled[0].get("spot_checks") == 1 and pulled[0].get("spot_check_items") == 2
    assert "spot_checks" not in pulled[1]
    mine = spotcheck.find(laptops[0], "QTH001", "2026-11")
    assert mine is not None and mine.corrections_open == 1
    assert [sync(j, url).moved for j, url in zip(laptops, own, strict=True)] == [0, 0]


def test_syncing_with_someone_elses_login_is_refused(server: dict, tmp_path: Path) -> None:
    from fieldbook.core.server.sync_report import SyncError
    from fieldbook.messages import describe_error

    laptops: list[Journal] = server["laptops"]
    others = login(server["admin"], server["roles"]["m1"].role_name)
    laptops[1].weeks.save("2026-W49", narrative={"work_done": "换了登录名"})
    with pytest.raises(SyncError) as caught:
        sync(laptops[1], others)  # QTH002's records with QTH001's login
    assert caught.value.reason == "refused"
    assert "本人的登录名" in describe_error(caught.value, "zh_CN")


# --- the policies' helper functions cannot be fooled (issue 13, item 2) -------------------------
#: Each attack: the login, and what it puts in front of the real tables to claim to be
#: someone else (QTH002's manager, 专卖办, a manager).
SHADOWS = {
    "manager claims another code": (
        "m1",
        "CREATE TEMP TABLE server_users AS SELECT role_name, kind,"
        " 'QTH002'::varchar AS manager_code, department FROM public.server_users"
        " WHERE role_name = current_user",
    ),
    "manager maps its code to another id": (  # fb_manager_id() joins managers
        "m1",
        "CREATE TEMP TABLE managers AS"
        " SELECT CAST(:other AS varchar) AS id, 'QTH001'::varchar AS code",
    ),
    "department claims another department": (
        "dist",
        "CREATE TEMP TABLE server_users AS SELECT role_name, kind, manager_code,"
        " 'monopoly'::varchar AS department FROM public.server_users"
        " WHERE role_name = current_user",
    ),
    "department empties the policies' subquery": (  # policies name slip_deliveries
        "dist",
        "CREATE TEMP TABLE slip_deliveries AS SELECT * FROM public.slip_deliveries",
    ),
    "director claims to be a manager": (
        "director",
        "CREATE TEMP TABLE server_users AS SELECT role_name, 'manager'::varchar AS kind,"
        " 'QTH001'::varchar AS manager_code, department FROM public.server_users"
        " WHERE role_name = current_user",
    ),
}
#: What each role reads (table → the visible rows' ids, hashed), before and during an attack.
VISIBLE = {
    "m1": ("visits", "plans", "plan_stops", "customers", "managers", "slips", "week_reports"),
    "dist": ("slips", "slip_deliveries", "customers", "managers"),
    "director": ("visits", "slips", "slip_deliveries", "week_reports", "managers"),
}


def visible(con: Connection, role: str) -> dict[str, tuple[int, str]]:
    seen = {}
    for table in VISIBLE[role]:
        seen[table] = tuple(
            con.execute(
                text(
                    f"SELECT count(*), md5(coalesce(string_agg(id, ',' ORDER BY id), ''))"
                    f" FROM public.{table}"
                )
            ).one()
        )
    seen["who"] = tuple(
        con.execute(text("SELECT fb_manager_id(), fb_manager_code(), fb_department()")).one()
    )
    return seen


def attack(con: Connection, variant: str, other_manager: str) -> dict[str, object]:
    """Shadow a table the policies' helper functions (or the policies) read with a temporary
    one, put pg_temp first on the path, and try to read and change someone else's rows."""
    role, sql = SHADOWS[variant]
    con.execute(text(sql), {"other": other_manager} if ":other" in sql else {})
    if variant.startswith("department empties"):
        con.execute(text("UPDATE pg_temp.slip_deliveries SET department = 'distribution'"))
    con.execute(text("SET search_path = pg_temp, public"))
    result: dict[str, object] = {"seen": visible(con, role)}
    if role == "m1":
        result["deleted"] = con.execute(
            text(
                "DELETE FROM public.plan_stops WHERE plan_id IN"
                " (SELECT id FROM public.plans WHERE manager_id = :m)"
            ),
            {"m": other_manager},
        ).rowcount
    if role == "dist":
        result["answered"] = con.execute(
            text(
                "UPDATE public.slip_deliveries SET answer = '冒名答复'"
                " WHERE department = 'monopoly'"
            )
        ).rowcount
    return result


def grant_temp(admin_url: str, role: str) -> None:
    database = make_url(admin_url).database
    admin = create_engine(admin_url)
    try:
        with admin.begin() as con:
            con.execute(text(f'GRANT TEMPORARY ON DATABASE "{database}" TO {role}'))
    finally:
        admin.dispose()


@pytest.mark.parametrize("variant", list(SHADOWS))
def test_no_login_can_shadow_the_tables_the_policies_read(server: dict, variant: str) -> None:
    """The attack from issue 13: `CREATE TEMP TABLE server_users AS …` (temporary tables come
    first on the search path) made fb_manager_code()/fb_manager_id()/fb_department() answer
    for someone else. Two layers now: no login may create temporary tables at all, and even
    one that somehow can (granted by hand) changes nothing, since the functions name their
    tables schema-qualified with a pinned search_path."""
    admin_url = server["admin"]
    role, shadow = SHADOWS[variant]
    engine = server["engines"][role]
    admin = create_engine(admin_url)
    try:
        other = str(scalar(admin, "SELECT id FROM managers WHERE code = 'QTH002'"))
    finally:
        admin.dispose()
    with engine.connect() as con:
        before = visible(con, role)
        con.rollback()
    # layer 1: TEMP is not granted to the groups or to PUBLIC
    with engine.connect() as con, pytest.raises(ProgrammingError, match="permission denied"):
        con.execute(text(shadow), {"other": other} if ":other" in shadow else {})
    # layer 2: even with TEMP granted by hand, the functions read the real tables
    grant_temp(admin_url, server["roles"][role].role_name)
    with engine.connect() as con:
        result = attack(con, variant, other)
        con.commit()
    assert result["seen"] == before
    assert result.get("deleted", 0) == 0
    assert result.get("answered", 0) == 0
    with engine.connect() as con:  # and afterwards, on a fresh connection
        assert visible(con, role) == before


def test_no_login_can_create_objects_the_policies_could_find(server: dict) -> None:
    for role in ("m1", "dist", "director"):
        engine = server["engines"][role]
        for sql in (
            "CREATE TABLE public.server_users_copy (role_name varchar)",
            "CREATE SCHEMA shadow",
            "CREATE FUNCTION public.fb_shadow() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
            "CREATE TEMP TABLE anything (x int)",
        ):
            with (
                engine.connect() as con,
                pytest.raises(ProgrammingError, match="permission denied"),
            ):
                con.execute(text(sql))


def test_the_servers_catalogue_has_no_open_door(server: dict) -> None:
    """Every function a policy calls pins its search_path (pg_temp last) and is executable
    by the Fieldbook groups only; no SECURITY DEFINER function has an open path; PUBLIC has
    no TEMP on the database, no CREATE on the schema and no privilege on a table."""
    admin = create_engine(server["admin"])
    try:
        with admin.connect() as con:
            functions = con.execute(
                text(
                    "SELECT p.proname, p.proconfig, p.prosecdef,"
                    " has_function_privilege('public', p.oid, 'EXECUTE')"
                    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    " WHERE n.nspname = 'public'"
                )
            ).all()
            policy_text = " ".join(
                con.execute(
                    text(
                        "SELECT coalesce(qual, '') || ' ' || coalesce(with_check, '')"
                        " FROM pg_policies WHERE schemaname = 'public'"
                    )
                ).scalars()
            )
            public_temp = con.execute(
                text(
                    "SELECT has_database_privilege('public', current_database(), 'TEMPORARY'),"
                    " has_schema_privilege('public', 'public', 'CREATE')"
                )
            ).one()
            table_grants = con.execute(
                text(
                    "SELECT count(*) FROM information_schema.role_table_grants"
                    " WHERE grantee = 'PUBLIC' AND table_schema = 'public'"
                )
            ).scalar()
    finally:
        admin.dispose()
    names = {f.proname for f in functions}
    assert {"fb_manager_id", "fb_manager_code", "fb_department"} <= names
    for name, config, definer, everyone in functions:
        if name in policy_text or definer:
            assert any(c.startswith("search_path=") and c.endswith("pg_temp") for c in config or ())
            assert not everyone, f"PUBLIC may execute {name}()"
    assert public_temp == (False, False)
    assert table_grants == 0


def test_init_upgrades_a_server_set_up_by_the_old_code(server: dict) -> None:
    """A server initialised before the fix (functions reading unqualified tables, TEMP for
    PUBLIC) is closed by running `fieldbook server init` again."""
    admin_url = server["admin"]
    database = make_url(admin_url).database
    admin = create_engine(admin_url)
    try:
        with admin.begin() as con:  # the functions and grants as the old init left them
            con.execute(text(f'GRANT TEMPORARY ON DATABASE "{database}" TO PUBLIC'))
            con.execute(
                text(
                    "CREATE OR REPLACE FUNCTION fb_manager_code() RETURNS varchar LANGUAGE sql"
                    " STABLE RESET search_path AS $$ SELECT manager_code FROM server_users"
                    " WHERE role_name = current_user AND kind = 'manager' $$"
                )
            )
        m1 = server["engines"]["m1"]
        with m1.connect() as con:  # the hole is open on such a server ...
            con.execute(text(SHADOWS["manager claims another code"][1]))
            assert con.execute(text("SELECT fb_manager_code()")).scalar() == "QTH002"
        init_server(admin_url)  # ... and init closes it
        with m1.connect() as con:
            assert con.execute(text("SELECT fb_manager_code()")).scalar() == "QTH001"
            with pytest.raises(ProgrammingError, match="permission denied"):
                con.execute(text(SHADOWS["manager claims another code"][1]))
        init_server(admin_url)  # and stays idempotent
    finally:
        admin.dispose()


# --- moving a customer between managers (issue 13, item 10) ------------------------------------
def test_cli_reassigns_a_customer_and_refuses_what_it_does_not_know(
    server: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldbook.cli import main as cli

    admin_url = server["admin"]
    move = ["--db", admin_url, "server", "reassign-customer"]
    for argv, wrong in (
        ([*move, "99999999", "--to", "QTH002"], "99999999"),
        ([*move, "23091002", "--to", "QTH404"], "QTH404"),
    ):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and wrong in err[0] and "Traceback" not in err[0]
    assert (
        cli.main(["--db", "sqlite:///x.db", "server", "reassign-customer", "1", "--to", "Q"]) == 2
    )
    capsys.readouterr()
    m1, m2 = server["engines"]["m1"], server["engines"]["m2"]
    assert scalar(m2, "SELECT count(*) FROM customers") == 5
    assert cli.main([*move, "23091002", "--to", "qth002", "--reason", "片区调整"]) == 0
    assert "QTH001 改为 QTH002" in capsys.readouterr().out
    assert scalar(m2, "SELECT count(*) FROM customers WHERE code = '23091002'") == 1
    assert scalar(m1, "SELECT count(*) FROM customers WHERE code = '23091002'") == 0
    assert scalar(m1, "SELECT count(*) FROM visits") == 3  # its own records stay its own
    admin = create_engine(admin_url)
    try:
        assert (
            scalar(admin, "SELECT route_id IS NULL FROM customers WHERE code = '23091002'") is True
        )
        entry = scalar(
            admin,
            "SELECT a.old_value || '>' || a.new_value || ' ' || a.reason FROM audit_entries a"
            " JOIN customers c ON c.id = a.record_id WHERE c.code = '23091002'"
            " AND a.field = 'manager'",
        )
        assert entry == '"QTH001">"QTH002" 片区调整'
    finally:
        admin.dispose()
    assert cli.main([*move, "23091002", "--to", "QTH002"]) == 0  # again: nothing to do
    assert "未改动" in capsys.readouterr().out


def test_init_by_a_database_owner_who_is_not_a_superuser(pg_server: str) -> None:
    """The documented set-up: the database's owner with CREATEROLE (not a superuser) runs
    `server init`; the hardening needs nothing more, and a manager it adds is confined."""
    suffix = pg_server.rsplit(":", 1)[-1].split("/")[0]
    owner, database = f"owner_{suffix}", f"fieldbook_owned_{suffix}"
    pg_admin(
        pg_server,
        f"DROP DATABASE IF EXISTS {database}",
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{owner}') THEN"
        f" CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{PASSWORD}'; END IF; END $$",
        f"CREATE DATABASE {database} OWNER {owner}",
    )
    url = login(with_database(pg_server, database), owner)
    try:
        init_server(url)
        init_server(url)
        add_user(url, ServerUserInput(f"m_{suffix}", "manager", PASSWORD, manager_code="QTH001"))
        manager = create_engine(login(url, f"m_{suffix}"))
        try:
            with manager.connect() as con:
                assert con.execute(text("SELECT fb_manager_code()")).scalar() == "QTH001"
                with pytest.raises(ProgrammingError, match="permission denied"):
                    con.execute(text("CREATE TEMP TABLE server_users (x int)"))
        finally:
            manager.dispose()
    finally:
        pg_admin(pg_server, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def test_a_login_given_another_kind_leaves_its_old_group(server: dict) -> None:
    """Re-adding the director's login as a manager used to keep it in fb_director as well:
    the "manager" still read every manager's visits."""
    admin_url = server["admin"]
    director = server["roles"]["director"]
    add_user(
        admin_url,
        ServerUserInput(director.role_name, "manager", PASSWORD, manager_code="QTH001"),
    )
    engine = create_engine(login(admin_url, director.role_name))
    try:
        assert scalar(engine, "SELECT count(*) FROM visits") == 3  # QTH001's, not all 6
        assert scalar(engine, "SELECT pg_has_role(current_user, 'fb_director', 'MEMBER')") is False
    finally:
        engine.dispose()
