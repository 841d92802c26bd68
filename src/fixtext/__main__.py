"""``python -m fixtext``: the same as the ``fixtext`` command."""

import sys

from fixtext.cli import main

if __name__ == "__main__":
    sys.exit(main())
