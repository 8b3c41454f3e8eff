import sys

from waarborg.cli import main

sys.exit(main())
