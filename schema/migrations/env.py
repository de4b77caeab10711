"""Alembic environment for Fieldbook.

Fieldbook runs migrations itself (fieldbook.core.store.migrate) on a connection that is already
inside a transaction; this file only configures the context on that connection. All
pending revisions run in that single transaction (all or nothing).
"""

from alembic import context
from sqlalchemy import create_engine

from fieldbook.core.store.db import make_engine
from fieldbook.core.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` CLI use by developers: -x url=...
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.sqlite3")
        engine = make_engine(url) if url.startswith("sqlite") else create_engine(url)
        with engine.connect() as conn:
            context.configure(
                connection=conn, target_metadata=target_metadata, render_as_batch=True
            )
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transaction_per_migration=False,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Fieldbook migrations run online only")
run_migrations_online()
