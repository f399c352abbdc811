#!/usr/bin/python3
"""Vectorized NumPy reference of churnlab's Monte Carlo ROI engine (as-stated model, stated costs).

Reads an uncertain plan (e.g. data/plans/seed-plan-uncertain.json), draws every
distribution with NumPy's own samplers (PERT as a scaled beta), imposes the
declared rank correlations by reordering the marginals along correlated
normal scores (Iman & Conover 1982: the same Gaussian copula as the engine),
evaluates the plan model on whole arrays, and summarises ROI the way
src/simulation does. Single-threaded NumPy (BLAS threads pinned to 1).

    /usr/bin/python3 bench/numpy_reference.py data/plans/seed-plan-uncertain.json 1000000 42

prints one JSON object: trials, seconds, trialsPerSecond, roi {mean, sd, p5, p50, p95}, probLoss, probRoiAbove200.
Needs NumPy only (Debian's python3-numpy).
"""
import json
import os
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402

CHUNK = 1 << 18


def find_inputs(node, path, out):
    """Collects (path, distribution) for every {"dist": ...} object, path as a list of keys."""
    if isinstance(node, dict):
        if "dist" in node:
            out.append((path, node))
            return
        for key, value in node.items():
            find_inputs(value, path + [key], out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            find_inputs(value, path + [i], out)


def resolve_overlay(plan, plan_file):
    """An overlay ({"base", "overlay", ...}, data/plans/README.md) as its full form: the base plan with the values put in place."""
    if "base" not in plan:
        return plan
    with open(os.path.join(os.path.dirname(plan_file), plan["base"]), encoding="utf-8") as f:
        full = json.load(f)
    for key, value in plan.get("overlay", {}).items():
        segments = key[2:].replace("[", ".").replace("]", "").split(".") if key.startswith("$.") else key.split(".")
        node = full
        for i, segment in enumerate(segments):
            if isinstance(node, list):
                ids = [item.get("id") if isinstance(item, dict) else None for item in node]
                segment = ids.index(segment) if segment in ids else int(segment)
            if i == len(segments) - 1:
                node[segment] = value
            else:
                node = node[segment]
    for section in ("simulation", "correlations", "sampling"):
        if section in plan:
            full[section] = plan[section]
    return full


def readable_name(plan, path):
    """The input's readable name: array elements by their id, else their index (as the TypeScript loader)."""
    node, parts = plan, []
    for key in path:
        node = node[key]
        parts.append(node["id"] if isinstance(key, int) and isinstance(node, dict) and isinstance(node.get("id"), str) else str(key))
    return ".".join(parts)


def json_path(path):
    text = "$"
    for key in path:
        if isinstance(key, int):
            text += "[%d]" % key
        elif key.replace("_", "a").isalnum() and not key[0].isdigit():
            text += "." + key
        else:
            text += '["%s"]' % key
    return text


def base_value(d):
    if "base" in d:
        return d["base"]
    kind = d["dist"]
    if kind == "fixed":
        return d["value"]
    if kind == "uniform":
        return (d["min"] + d["max"]) / 2
    if kind in ("triangular", "pert"):
        return d["mode"]
    if kind == "normal":
        return min(d.get("max", np.inf), max(d.get("min", -np.inf), d["mean"]))
    if kind == "lognormal":
        return d["median"]
    if kind == "beta":
        return d["mean"]
    if kind == "discrete":
        return max(d["scenarios"], key=lambda s: s["weight"])["value"]
    raise ValueError(kind)


def draw(rng, d, n):
    kind = d["dist"]
    if kind == "fixed":
        return np.full(n, float(d["value"]))
    if kind == "uniform":
        return rng.uniform(d["min"], d["max"], n)
    if kind == "triangular":
        return rng.triangular(d["min"], d["mode"], d["max"], n)
    if kind == "pert":
        lo, mode, hi, lam = d["min"], d["mode"], d["max"], d.get("lambda", 4)
        w = hi - lo
        return lo + w * rng.beta(1 + lam * (mode - lo) / w, 1 + lam * (hi - mode) / w, n)
    if kind == "normal":
        lo, hi = d.get("min", -np.inf), d.get("max", np.inf)
        x = rng.normal(d["mean"], d["sd"], n)
        bad = (x < lo) | (x > hi)
        while bad.any():
            x[bad] = rng.normal(d["mean"], d["sd"], bad.sum())
            bad = (x < lo) | (x > hi)
        return x
    if kind == "lognormal":
        return rng.lognormal(np.log(d["median"]), d["sigmaLog"], n)
    if kind == "beta":
        m, k = d["mean"], d["concentration"]
        return rng.beta(m * k, (1 - m) * k, n)
    if kind == "discrete":
        values = np.array([s["value"] for s in d["scenarios"]], dtype=float)
        weights = np.array([s["weight"] for s in d["scenarios"]], dtype=float)
        return rng.choice(values, n, p=weights / weights.sum())
    raise ValueError(kind)


def main():
    plan_file, trials, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(plan_file, encoding="utf-8") as f:
        plan = resolve_overlay(json.load(f), plan_file)
    found = []
    find_inputs(plan, [], found)
    paths = [json_path(p) for p, _ in found]
    dists = [d for _, d in found]
    index = {p: i for i, p in enumerate(paths)}
    names = {readable_name(plan, p): i for i, (p, _) in enumerate(found)}

    def ref(text):
        return index[text] if text in index else names[text]

    pairs = [(ref(c["a"]), ref(c["b"]), c["rankCorrelation"]) for c in plan.get("correlations", [])]
    group = sorted({i for a, b, _ in pairs for i in (a, b)})
    corr = np.eye(len(group))
    for a, b, rho in pairs:
        r = 2 * np.sin(np.pi * rho / 6)
        corr[group.index(a), group.index(b)] = corr[group.index(b), group.index(a)] = r
    chol = np.linalg.cholesky(corr) if group else None

    # The as-stated model reads these numbers; each is a constant or an input column.
    def column(text, base, n, x):
        return x[index[text]] if text in index else np.full(n, float(base))

    def number(node):
        return base_value(node) if isinstance(node, dict) else node

    b = plan["benefits"]
    costs = plan["costs"]
    disc = plan.get("simulation", {}).get("discountRate", 0.08)

    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    roi_all = np.empty(trials)
    done = 0
    while done < trials:
        n = min(CHUNK, trials - done)
        x = [draw(rng, d, n) for d in dists]
        if group:
            z = rng.standard_normal((n, len(group))) @ chol.T
            for k, i in enumerate(group):
                x[i] = np.sort(x[i])[np.argsort(np.argsort(z[:, k]))]
        customers = column("$.customers", number(plan["customers"]), n, x)
        retained = customers * (column("$.benefits.churnBefore", number(b["churnBefore"]), n, x) - column("$.benefits.churnAfter", number(b["churnAfter"]), n, x))
        referrals = retained * column("$.benefits.referralRate", number(b["referralRate"]), n, x) * column("$.benefits.referralsPerReferrer", number(b["referralsPerReferrer"]), n, x)
        benefit = retained * column("$.benefits.ltvYuan", number(b["ltvYuan"]), n, x) + referrals * column("$.benefits.newCustomerValueYuan", number(b["newCustomerValueYuan"]), n, x)
        one_time = sum(column("$.costs.oneTime[%d].amountYuan" % i, number(line["amountYuan"]), n, x) for i, line in enumerate(costs["oneTime"]))
        annual = sum(column("$.costs.annual[%d].amountYuan" % i, number(line["amountYuan"]), n, x) for i, line in enumerate(costs["annual"]))
        cost = one_time + annual
        r = column("$.simulation.discountRate", number(disc), n, x)
        v = (1 + r) ** (-1 / 12)
        annuity = np.where(r > 0, v * (1 - v ** 12) / (12 * (1 - v) + (r == 0)), 1.0)
        roi = (benefit - cost) / cost
        _payback = np.where(benefit > 0, cost / np.maximum(benefit, 1e-300) * 12, np.inf)
        _npv = -one_time + (benefit - annual) * annuity
        roi_all[done:done + n] = roi
        done += n
    p5, p50, p95 = np.percentile(roi_all, [5, 50, 95])
    summary = {
        "mean": float(roi_all.mean()),
        "sd": float(roi_all.std(ddof=1)),
        "p5": float(p5),
        "p50": float(p50),
        "p95": float(p95),
    }
    prob_loss = float((roi_all < 0).mean())
    prob_above = float((roi_all > 2).mean())
    seconds = time.perf_counter() - start
    print(json.dumps({
        "trials": trials,
        "seconds": seconds,
        "trialsPerSecond": trials / seconds,
        "roi": summary,
        "probLoss": prob_loss,
        "probRoiAbove200": prob_above,
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
