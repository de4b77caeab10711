"""The department server (PostgreSQL): roles and row-level security, sync from laptops
(``sync`` drives it: ``sync_units`` and ``sync_writes`` push, ``sync_pull`` pulls, ``sync_held``
holds back, ``sync_report`` says what moved), the department's views and the director's spot
checks."""
