"""handouts: print-ready, clinic-branded patient handouts from templated health topics."""

__version__ = "0.1.0"
