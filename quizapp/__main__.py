"""`python -m quizapp`."""

from quizapp.cli.main import main

raise SystemExit(main())
