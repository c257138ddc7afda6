import sys

from spt_desktop.cli import main

sys.exit(main())
