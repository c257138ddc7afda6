"""Sync: the client (``engine``, ``transport``, ``apply``), the conflict store
(``conflicts``) and purging (``purge``). The wire format they speak is
``spt_common.protocol``, shared with the server.
"""
