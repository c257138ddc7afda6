"""SPT Desktop: the coach's app of the Servicepunten Techniek."""

__version__ = "0.1.0"
