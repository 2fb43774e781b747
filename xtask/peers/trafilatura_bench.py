"""Times Python trafilatura on the same saved pages as factdesk's extraction benchmark.

Usage: python trafilatura_bench.py DIR ROUNDS
Prints two lines, one per way of calling it, rounds alternating so both see the same machine:
  trafilatura pages=N seconds=S pages_per_second=P cpu_pages_per_second=C
  trafilatura-metadata pages=N seconds=S pages_per_second=P cpu_pages_per_second=C
The first is `trafilatura.extract(page)`, its default: the text alone. The second adds
`with_metadata=True` (headline, author, date, site), which is the work factdesk's extraction
always does. C is by this process's CPU time, as the Rust side reports it: steadier on a
shared machine.
"""
import gzip
import pathlib
import sys
import time

import trafilatura

WAYS = (("trafilatura", {}), ("trafilatura-metadata", {"with_metadata": True}))


def load(folder):
    pages = []
    for path in sorted(pathlib.Path(folder).iterdir()):
        if path.name.endswith(".html.gz"):
            pages.append(gzip.decompress(path.read_bytes()))
        elif path.suffix in (".html", ".htm"):
            pages.append(path.read_bytes())
    return pages


def main():
    folder, rounds = sys.argv[1], int(sys.argv[2])
    pages = load(folder)
    for page in pages:  # warm-up, as the Rust side does
        trafilatura.extract(page, with_metadata=True)
    wall = {name: 0.0 for name, _ in WAYS}
    cpu = {name: 0.0 for name, _ in WAYS}
    for _ in range(rounds):
        for name, options in WAYS:
            started = time.perf_counter()
            cpu_started = time.process_time()
            for page in pages:
                trafilatura.extract(page, **options)
            wall[name] += time.perf_counter() - started
            cpu[name] += time.process_time() - cpu_started
    n = len(pages) * rounds
    for name, _ in WAYS:
        print(
            f"{name} pages={n} seconds={wall[name]:.3f} pages_per_second={n / wall[name]:.1f}"
            f" cpu_pages_per_second={n / cpu[name]:.1f}"
        )


if __name__ == "__main__":
    main()
