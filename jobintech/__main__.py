import sys

from jobintech.cli import main

sys.exit(main())
