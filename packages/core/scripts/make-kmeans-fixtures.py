#!/usr/bin/env python3
"""Writes scikit-learn k-means parity fixtures for packages/core/src/clustering.

Run with Debian's python3-sklearn:  /usr/bin/python3 packages/core/scripts/make-kmeans-fixtures.py
(the demo data set first needs `npx tsx packages/db/scripts/export-demo-loans.ts`)
For each data set it stores the raw rows, the transformed rows (log1p on the `log` features, then
StandardScaler, i.e. z-score with the population SD) and, per k, the inertia, labels and silhouette of
KMeans(n_clusters=k, n_init=10, random_state=0) fitted on the transformed rows, and the inertia for
random_state 0..19 (the parity test compares the mean of those).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, load_wine
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "src", "clustering", "__fixtures__")
K_VALUES = [2, 3, 4, 5, 6, 8]
RANDOM_STATES = range(20)


def make_loans(n=3000, seed=2015):
    """Loan-like rows (rate annual %, amount CNY, term months) from five product bundles."""
    rng = np.random.default_rng(seed)
    # share, median amount (CNY), amount log-SD, terms (months), rate mean, rate SD
    bundles = [
        (0.30, 5e5, 0.6, [6, 12], 5.4, 0.5),  # micro working capital, unsecured
        (0.30, 3e6, 0.5, [12], 4.2, 0.35),  # SME working capital
        (0.15, 1e6, 0.4, [3, 6], 3.0, 0.25),  # trade finance / bills
        (0.17, 2e7, 0.7, [36, 60], 3.9, 0.3),  # fixed-asset loans
        (0.08, 2e8, 0.8, [60, 120, 180], 3.6, 0.25),  # project finance
    ]
    which = rng.choice(len(bundles), size=n, p=[b[0] for b in bundles])
    rows = []
    for b in which:
        _, median, spread, terms, rate_mean, rate_sd = bundles[b]
        amount = float(np.round(median * np.exp(rng.normal(0, spread)), -3))
        term = float(rng.choice(terms))
        rate = float(np.round(np.clip(rng.normal(rate_mean, rate_sd), 2.0, 8.0), 2))
        rows.append([rate, amount, term])
    return np.array(rows)


def write(name, features, log, raw):
    transformed = raw.copy()
    for f, feature in enumerate(features):
        if feature in log:
            transformed[:, f] = np.log1p(transformed[:, f])
    transformed = StandardScaler().fit_transform(transformed)
    expected = []
    for k in K_VALUES:
        model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(transformed)
        expected.append(
            {
                "k": k,
                "inertia": float(model.inertia_),
                "iterations": int(model.n_iter_),
                "labels": model.labels_.tolist(),
                "silhouette": float(silhouette_score(transformed, model.labels_)),
                # Best-of-10 is itself a random draw: its spread over seeds is what parity compares.
                "inertiaByRandomState": [
                    float(KMeans(n_clusters=k, n_init=10, random_state=seed).fit(transformed).inertia_) for seed in RANDOM_STATES
                ],
            }
        )
    fixture = {
        "name": name,
        "generator": f"scikit-learn {sklearn.__version__}, KMeans(n_clusters=k, n_init=10, random_state=0)",
        "features": features,
        "log": log,
        "scale": "zscore",
        "raw": raw.tolist(),
        "transformed": transformed.tolist(),
        "expected": expected,
        # Adjusted Rand index between the k = 3 and k = 4 labelings, to check ours.
        "ariK3K4": float(adjusted_rand_score(expected[1]["labels"], expected[2]["labels"])),
    }
    with open(os.path.join(OUT_DIR, f"{name}.json"), "w") as out:
        json.dump(fixture, out, separators=(",", ":"))
    print(name, raw.shape, [(e["k"], round(e["inertia"], 4)) for e in expected])


iris = load_iris()
write("iris", [str(f).replace(" (cm)", "").replace(" ", "_") for f in iris.feature_names], [], iris.data)
wine = load_wine()
write("wine", [str(f) for f in wine.feature_names], [], wine.data)
write("loans", ["rate", "amount", "term_months"], ["amount"], make_loans())

# The demo world's loans (exported by packages/db/scripts/export-demo-loans.ts), clustered as the default policy does.
demo_csv = os.path.join(OUT_DIR, "demo-loans.csv")
if os.path.exists(demo_csv):
    write("demo", ["rate", "amount", "term_months"], ["amount"], np.loadtxt(demo_csv, delimiter=",", skiprows=1))
