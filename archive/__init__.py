"""Baokan's archive app: newspapers, issues, pages, fragments and articles."""
