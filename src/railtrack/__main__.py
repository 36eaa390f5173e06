"""``python -m railtrack`` runs the command line."""

from railtrack.cli import main

main()
