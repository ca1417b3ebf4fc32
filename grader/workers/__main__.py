import sys

from grader.workers.worker import main

sys.exit(main())
