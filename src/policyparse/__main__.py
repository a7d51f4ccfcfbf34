"""``python -m policyparse``."""

from .entry import main

main()
