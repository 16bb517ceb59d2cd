"""Cost of SQL counted in SQLite virtual-machine steps: it does not depend on the machine's
speed or load, so a test can compare two queries' work without timing them."""


def vm_steps(conn, call) -> int:
    """SQLite virtual-machine steps taken on `conn` by `call`."""
    steps = [0]

    def count():
        steps[0] += 1
        return 0
    conn.set_progress_handler(count, 1)
    try:
        call()
    finally:
        conn.set_progress_handler(None, 1)
    return steps[0]
