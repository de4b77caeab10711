"""Where records live: models, engines and transactions, migrations, the schema check,
encryption, backups, integrity checks, the writer lock, recovery and the audit trail."""
