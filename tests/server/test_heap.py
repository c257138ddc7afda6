"""A serving process's cyclic collector (``app.settle_heap``, what ``spt-server serve``
and each worker run before serving): its start-up heap frozen, and its young collections
only past ``YOUNG_OBJECTS`` new container objects, more than a push batch keeps alive at
once (issue 13, helper "pushsrv4": with Python's 700 a 10k first push ran 1,390 young
and 115 middle collections, 5 % of its server CPU in ``sync_answer``). In a process of
its own: the test process keeps its collector as it is."""

from __future__ import annotations

import subprocess
import sys


def test_a_serving_process_collects_young_objects_past_a_push_batch() -> None:
    code = (
        "import gc\n"
        "from spt_server.app import YOUNG_OBJECTS, settle_heap\n"
        "middle, old = gc.get_threshold()[1:]\n"
        "settle_heap()\n"
        "assert gc.get_freeze_count() > 0\n"
        "assert gc.get_threshold() == (YOUNG_OBJECTS, middle, old), gc.get_threshold()\n"
        "assert YOUNG_OBJECTS >= 20_000\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
