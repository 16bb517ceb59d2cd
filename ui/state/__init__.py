"""Qt-free state and query objects behind the tables (filters, ordering, row loading)."""
