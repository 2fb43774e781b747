"""Times Python trafilatura on the same saved pages as factdesk's extraction benchmark.

Usage: python trafilatura_bench.py DIR ROUNDS
Prints: trafilatura pages=N seconds=S pages_per_second=P cpu_pages_per_second=C
(C by this process's CPU time, as the Rust side reports it: steadier on a shared machine.)
"""
import gzip
import pathlib
import sys
import time

import trafilatura


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
        trafilatura.extract(page)
    started = time.perf_counter()
    cpu_started = time.process_time()
    for _ in range(rounds):
        for page in pages:
            trafilatura.extract(page)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    n = len(pages) * rounds
    print(
        f"trafilatura pages={n} seconds={seconds:.3f} pages_per_second={n / seconds:.1f}"
        f" cpu_pages_per_second={n / cpu_seconds:.1f}"
    )


if __name__ == "__main__":
    main()
