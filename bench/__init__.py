"""Benchmarks that print tables; see DESIGN.md, "Budgets"."""
