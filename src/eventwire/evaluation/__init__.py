"""Scorers and gold loaders for `eventwire eval`."""
