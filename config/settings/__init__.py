"""Settings: base (shared, from the environment), dev, test, production."""
