"""Master data (主数据): the manager's profile, customers, routes and their visiting order,
the SKU catalogue, the customer vocabulary and the imports of the company's lists."""
