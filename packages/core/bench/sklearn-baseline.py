#!/usr/bin/env python3
"""scikit-learn baseline for cluster-bench.ts: reads n × d little-endian float64 rows (already transformed)
and prints JSON timings. Usage: sklearn-baseline.py FILE N D"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

path, n, d = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
X = np.fromfile(path, dtype="<f8").reshape(n, d)

start = time.perf_counter()
k5 = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X)
k5_seconds = time.perf_counter() - start

start = time.perf_counter()
selection = []
for k in range(2, 9):
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    silhouette = silhouette_score(X, model.labels_, sample_size=min(n, 10000), random_state=0) if n > k else None
    selection.append({"k": k, "inertia": float(model.inertia_), "silhouette": float(silhouette)})
select_seconds = time.perf_counter() - start
best = max(selection, key=lambda c: c["silhouette"])

print(json.dumps({"k5": {"seconds": k5_seconds, "inertia": float(k5.inertia_), "iterations": int(k5.n_iter_)}, "select": {"seconds": select_seconds, "k": best["k"], "selection": selection}}))
