#!/usr/bin/env python3
"""scikit-learn baseline for cluster-bench.ts: reads n × d little-endian float64 rows (already transformed)
and prints JSON timings (wall and CPU seconds; CPU counts every thread). The k = 5 fit is timed FITS times
(default 1) and the median kept, as on our side. Usage: sklearn-baseline.py FILE N D [FITS]"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

path, n, d = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
fits = int(sys.argv[4]) if len(sys.argv) > 4 else 1
X = np.fromfile(path, dtype="<f8").reshape(n, d)

KMeans(n_clusters=5, n_init=2, random_state=0).fit(X[:20000])  # warm-up, as on our side

timings = []
for _ in range(fits):
    start, cpu_start = time.perf_counter(), time.process_time()
    k5 = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X)
    timings.append((time.perf_counter() - start, time.process_time() - cpu_start))
k5_seconds, k5_cpu = sorted(timings)[(fits - 1) // 2]

start, cpu_start = time.perf_counter(), time.process_time()
selection = []
for k in range(2, 9):
    model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    silhouette = silhouette_score(X, model.labels_, sample_size=min(n, 10000), random_state=0) if n > k else None
    selection.append({"k": k, "inertia": float(model.inertia_), "silhouette": float(silhouette)})
select_seconds, select_cpu = time.perf_counter() - start, time.process_time() - cpu_start
best = max(selection, key=lambda c: c["silhouette"])

print(
    json.dumps(
        {
            "k5": {"seconds": k5_seconds, "cpuSeconds": k5_cpu, "inertia": float(k5.inertia_), "iterations": int(k5.n_iter_)},
            "select": {"seconds": select_seconds, "cpuSeconds": select_cpu, "k": best["k"], "selection": selection},
        }
    )
)
