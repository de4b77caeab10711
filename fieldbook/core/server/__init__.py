"""The department server (PostgreSQL): roles and row-level security, sync from laptops,
the department's views and the director's spot checks."""
