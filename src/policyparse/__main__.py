"""``python -m policyparse``."""

from .cli import main

main()
