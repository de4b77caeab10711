"""Where records live: models (one module per area), engines and transactions (db), what
``--db`` may be (dbfile), migrations (migrate), the schema check (schema_check against
schema_reference, comparing SQL normalised by schema_sql), encryption (crypto), backups
(backup), restoring one (restore), the audit trail (audit) and its heads kept in the backup
folder (head_log), integrity checks, the writer lock and recovery."""
