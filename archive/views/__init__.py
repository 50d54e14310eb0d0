"""Views: the public site (site.py, api.py …) and search (search.py)."""
