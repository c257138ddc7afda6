"""Sync: the wire protocol (``protocol``), the client (``engine``, ``transport``), the
conflict store (``conflicts``) and purging (``purge``).

This package's ``__init__`` imports nothing: the server imports ``protocol`` alone.
"""
