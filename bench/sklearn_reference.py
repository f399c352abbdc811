"""scikit-learn reference for bench/models.ts.

Reads the preprocessed matrices written by the TypeScript side (float32
row-major X, uint8 y, shapes in meta.json), fits LogisticRegression and
HistGradientBoostingClassifier on the training rows, and prints JSON with the
test ROC-AUC and the median fit time over 3 fits (seconds, fit only) of each.

Usage: /usr/bin/python3 bench/sklearn_reference.py DIR
"""
import json
import os
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score


# Fits per model; the median time is reported (the machine is shared, single fits are noisy).
REPEATS = 3


def load(directory, name, rows, cols):
    x = np.fromfile(os.path.join(directory, f"{name}_x.f32"), dtype=np.float32).reshape(rows, cols)
    y = np.fromfile(os.path.join(directory, f"{name}_y.u8"), dtype=np.uint8)
    return x, y


def main():
    directory = sys.argv[1]
    with open(os.path.join(directory, "meta.json")) as f:
        meta = json.load(f)
    cols = meta["cols"]
    x_train, y_train = load(directory, "train", meta["trainRows"], cols)
    x_test, y_test = load(directory, "test", meta["testRows"], cols)
    results = {}
    models = {
        # lbfgs with the default C = 1.0 (L2); the data are standardised already
        "logistic": LogisticRegression(max_iter=2000),
        # defaults: 100 iterations, learning rate 0.1, 255 bins, early stopping on (n > 10,000)
        "gbdt": HistGradientBoostingClassifier(random_state=meta["seed"]),
    }
    for name, model in models.items():
        times = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            model.fit(x_train.astype(np.float64) if name == "logistic" else x_train, y_train)
            times.append(time.perf_counter() - started)
        fit_seconds = float(np.median(times))
        p = model.predict_proba(x_test)[:, 1]
        results[name] = {"auc": float(roc_auc_score(y_test, p)), "fitSeconds": fit_seconds}
    import sklearn
    results["sklearnVersion"] = sklearn.__version__
    results["ompThreads"] = os.environ.get("OMP_NUM_THREADS", "default")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
