"""Template tags for the public site."""
