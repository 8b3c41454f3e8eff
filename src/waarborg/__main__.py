import sys

from waarborg.audiences.cli import main

sys.exit(main())
