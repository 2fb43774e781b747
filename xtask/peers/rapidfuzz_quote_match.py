"""Times Python rapidfuzz placing the same quotations in the same transcript as factdesk's
quote-matching benchmark (which writes them with QUOTE_BENCH_OUT=DIR).

rapidfuzz.fuzz.partial_ratio_alignment finds the best-matching substring of the transcript
for a quotation, by characters: the closest widely used peer for "where did this quote come
from". It is slow on a 1 MB haystack, so only the first LIMIT quotations are timed.

Usage: python rapidfuzz_quote_match.py DIR LIMIT
Prints: rapidfuzz quotes=N seconds=S quotes_per_second=Q
"""
import json
import pathlib
import sys
import time

from rapidfuzz import fuzz


def main():
    folder, limit = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    transcript = (folder / "transcript.txt").read_text(encoding="utf-8")
    quotes = [json.loads(line)["quote"] for line in (folder / "quotes.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    quotes = quotes[:limit]
    # The same case-insensitive comparison as factdesk's.
    haystack = transcript.lower()
    started = time.perf_counter()
    for quote in quotes:
        fuzz.partial_ratio_alignment(quote.lower(), haystack)
    seconds = time.perf_counter() - started
    print(f"rapidfuzz quotes={len(quotes)} seconds={seconds:.3f} quotes_per_second={len(quotes) / seconds:.1f}")


if __name__ == "__main__":
    main()
