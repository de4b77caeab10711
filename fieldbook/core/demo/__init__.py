"""Demo and benchmark data: a realistic department and its history, from one seed.

``generate`` (the entry point) draws the ``world`` (managers, routes, customers) and runs the
week generators on a ``context``: ``visits`` (plans and visits; ``visit_record`` draws what a
visit records), ``slips`` (``slip_sources``, ``slip_content``, ``slip_timeline``,
``phone_followups``) and ``orders`` (order lines; ``worklogs`` drafts the day's work log)."""
