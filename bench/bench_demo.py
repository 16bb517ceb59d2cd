"""How long demo generation and stats take (a speed goal lives here, never in a test).

    python bench/bench_demo.py [SCHOOLS] [INSPECTIONS]
"""

import sys
import tempfile
import time

from app.services.demo import generate_demo
from app.storage.digest import stats
from app.workspace import Workspace


def main() -> None:
    schools = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        ws = Workspace.open(home)
        opened = time.perf_counter()
        generate_demo(ws, schools=schools, inspections=count, seed=7)
        generated = time.perf_counter()
        result = stats(ws.store)
        done = time.perf_counter()
        print(f"open profile        {opened - started:7.3f} s")
        print(f"demo {schools}/{count}      {generated - opened:7.3f} s "
              f"({result['counts']['responses']} answers)")
        print(f"stats + digest      {done - generated:7.3f} s")


if __name__ == "__main__":
    main()
