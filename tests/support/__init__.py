"""Tooling the tests need and a user of kg does not (kept out of the installed package)."""
