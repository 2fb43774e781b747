"""Times Python diff-match-patch (NewsDiffs' engine) on the same revision pairs as
factdesk's diff benchmark: consecutive revisions k.txt, k+1.txt of every article folder.

Usage: python dmp_bench.py DIR
Prints: diff-match-patch pairs=N bytes=B seconds=S pairs_per_second=P
"""
import pathlib
import sys
import time

from diff_match_patch import diff_match_patch


def pairs(root):
    out = []
    for article in sorted(p for p in pathlib.Path(root).iterdir() if p.is_dir()):
        revisions = []
        k = 0
        while (article / f"{k}.txt").is_file():
            revisions.append((article / f"{k}.txt").read_text(encoding="utf-8"))
            k += 1
        out.extend(zip(revisions, revisions[1:]))
    return out


def main():
    work = pairs(sys.argv[1])
    dmp = diff_match_patch()  # default settings (1 s timeout per diff), as NewsDiffs uses it
    size = sum(len(a.encode()) + len(b.encode()) for a, b in work)
    started = time.perf_counter()
    for old, new in work:
        diffs = dmp.diff_main(old, new)
        dmp.diff_cleanupSemantic(diffs)
    seconds = time.perf_counter() - started
    print(f"diff-match-patch pairs={len(work)} bytes={size} seconds={seconds:.3f} pairs_per_second={len(work) / seconds:.2f}")


if __name__ == "__main__":
    main()
