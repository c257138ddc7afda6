"""The central SPT server: accounts, devices and the sync endpoints (FastAPI)."""

__version__ = "0.1.0"
