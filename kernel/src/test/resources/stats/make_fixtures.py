#!/usr/bin/python3
"""Generate the statsmodels reference values for the io.quantlake.stats tests.

NOT run by the build and not needed by any test: the tests read the committed
outputs beside this file, statsmodels-fixtures.json (io.quantlake.stats) and
sizing-fixtures.json (io.quantlake.sizing). Re-run it by hand with Debian's
packages (apt-get install python3-statsmodels python3-sklearn) and Debian's
python, which writes both files next to the script:

    /usr/bin/python3 research-core/src/test/resources/stats/make_fixtures.py \
        /work/shared/data/binance-spot-2024

Contents
- "mackinnon_p" / "mackinnon_crit": mackinnonp and mackinnoncrit on a grid of
  statistics, regressions and N (number of variables).
- "adf": adfuller(x, maxlag=None, regression=R, autolag='AIC').
- "coint": coint(y, x, trend='c', method='aeg', maxlag=None, autolag='aic'),
  plus the pieces coint does not return but QuantLake reports: alpha and beta
  of OLS(y, [1, x]), the lag adfuller chose on the residuals (regression 'n'),
  and the AR(1) half-life -ln2/ln(1+b) from OLS(diff(s), [1, s_{t-1}]).
Each case carries either its series inline ("y"/"x" or "series", synthetic,
deterministic: numpy RandomState with the seed given) or a "source" naming
the shared candle files. Real series are natural logs of the close column
of binance-spot-2024/<interval>/<SYMBOL>.csv; two symbols are aligned by an
inner join on open_time (rows present in both files, ascending open_time).
Numbers are written with repr(), so they round-trip to the same doubles.

sizing-fixtures.json: for deterministic synthetic return blocks (inline,
T x N), numpy's sample covariance (ddof 1), pandas' EWMA covariance at the
last row (ewm(alpha=1-lambda, adjust=True).cov(bias=True)) and scikit-learn's
LedoitWolf (assume_centered=False) covariance and shrinkage.
"""
import csv
import json
import os
import sys

import numpy as np
import statsmodels
from statsmodels.regression.linear_model import OLS
from statsmodels.tsa.adfvalues import mackinnoncrit, mackinnonp
from statsmodels.tsa.stattools import adfuller, coint


def closes(root, interval, symbol):
    with open(os.path.join(root, interval, symbol + ".csv")) as f:
        return {int(r["open_time"]): float(r["close"]) for r in csv.DictReader(f)}


def aligned_logs(root, interval, ysym, xsym):
    y, x = closes(root, interval, ysym), closes(root, interval, xsym)
    times = sorted(set(y) & set(x))
    return times, np.log([y[t] for t in times]), np.log([x[t] for t in times])


def adf_case(name, series, regression, source=None):
    stat, p, lag, nobs, crit, ic = adfuller(series, maxlag=None, regression=regression, autolag="AIC")
    case = {"name": name, "regression": regression, "stat": stat, "pvalue": p, "usedlag": lag,
            "nobs": nobs, "crit": [crit["1%"], crit["5%"], crit["10%"]], "icbest": ic}
    if source is None:
        case["series"] = list(series)
    else:
        case["source"] = source
    return case


def coint_case(name, y, x, source=None):
    stat, p, crit = coint(y, x, trend="c", method="aeg", maxlag=None, autolag="aic")
    fit = OLS(y, np.column_stack([np.ones(len(x)), x])).fit()
    resid = fit.resid
    lag = adfuller(resid, maxlag=None, regression="n", autolag="aic")[2]
    ar = OLS(np.diff(resid), np.column_stack([np.ones(len(resid) - 1), resid[:-1]])).fit()
    b = ar.params[1]
    half_life = -np.log(2.0) / np.log(1.0 + b) if -1.0 < b < 0.0 else None
    case = {"name": name, "stat": stat, "pvalue": p, "crit": list(crit), "alpha": fit.params[0],
            "beta": fit.params[1], "lags": lag, "nobs": len(y), "ar1_b": b, "half_life": half_life}
    if source is None:
        case["y"], case["x"] = list(y), list(x)
    else:
        case["source"] = source
    return case


def synthetic():
    rs = np.random.RandomState(20240101)
    adf, co = [], []
    ar = np.zeros(200)
    e = rs.standard_normal(200)
    for t in range(1, 200):
        ar[t] = 0.9 * ar[t - 1] + e[t]
    for reg in ("n", "c", "ct"):
        adf.append(adf_case("ar1_phi0.9_n200_seed20240101", ar, reg))
    walk = np.cumsum(0.05 + rs.standard_normal(500))
    adf.append(adf_case("walk_drift_n500", walk, "ct"))
    adf.append(adf_case("walk_drift_n500", walk, "c"))
    adf.append(adf_case("walk_drift_n500", walk, "ctt"))
    short = np.cumsum(rs.standard_normal(20))
    adf.append(adf_case("walk_n20_maxlag_capped", short, "c"))
    x = np.cumsum(rs.standard_normal(250))
    u = np.zeros(250)
    e = rs.standard_normal(250)
    for t in range(1, 250):
        u[t] = 0.5 * u[t - 1] + e[t]
    co.append(coint_case("planted_y=0.5+1.5x+ar(0.5)_n250", 0.5 + 1.5 * x + u, x))
    a = np.cumsum(rs.standard_normal(300))
    b = np.cumsum(rs.standard_normal(300))
    co.append(coint_case("independent_walks_n300", a, b))
    return adf, co


def real(root):
    adf, co = [], []
    for interval, ysym, xsym in (("1d", "BTCUSDT", "ETHUSDT"), ("1d", "LTCUSDT", "BCHUSDT"),
                                 ("1d", "ARBUSDT", "OPUSDT"), ("4h", "BTCUSDT", "ETHUSDT")):
        times, y, x = aligned_logs(root, interval, ysym, xsym)
        src = {"interval": interval, "y": ysym, "x": xsym, "rows": len(times),
               "first_open_time": times[0], "last_open_time": times[-1]}
        name = "%s/%s %s log close" % (ysym, xsym, interval)
        co.append(coint_case(name, y, x, src))
        co.append(coint_case("%s/%s %s log close" % (xsym, ysym, interval), x, y,
                             dict(src, y=xsym, x=ysym)))
        adf.append(adf_case(name + " (adf on y)", y, "c", src))
    return adf, co


def mackinnon():
    ps, crits = [], []
    for reg in ("n", "c", "ct", "ctt"):
        for n in range(1, 7):
            for stat in (-25.0, -6.0, -4.5, -3.9, -3.3, -2.8, -2.2, -1.5, -0.5, 0.3, 0.8, 3.0):
                ps.append({"stat": stat, "regression": reg, "n": n, "p": mackinnonp(stat, reg, n)})
            if reg != "n" or n == 1:
                for nobs in (30, 249, 1000, None):
                    v = mackinnoncrit(n, reg, np.inf if nobs is None else nobs)
                    crits.append({"regression": reg, "n": n, "nobs": nobs, "crit": list(v)})
    return ps, crits


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/binance-spot-2024"
    adf, co = synthetic()
    radf, rco = real(root)
    ps, crits = mackinnon()
    out = {"generator": "make_fixtures.py", "statsmodels": statsmodels.__version__,
           "numpy": np.__version__, "mackinnon_p": ps, "mackinnon_crit": crits,
           "adf": adf + radf, "coint": co + rco}
    here = os.path.dirname(os.path.abspath(__file__))
    write(os.path.join(here, "statsmodels-fixtures.json"), out)
    write(os.path.join(here, "sizing-fixtures.json"), sizing())


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, default=float, allow_nan=False)
        f.write("\n")


def sizing():
    import pandas as pd
    import sklearn
    from sklearn.covariance import LedoitWolf
    rs = np.random.RandomState(7)
    cases = []
    for t, n, lam in ((60, 3, 0.94), (25, 5, 0.9), (200, 4, 0.97)):
        mix = rs.standard_normal((n, n)) * 0.5 + np.eye(n)
        x = rs.standard_normal((t, n)) @ mix * 0.02 + 0.001
        last = pd.DataFrame(x).ewm(alpha=1 - lam, adjust=True).cov(bias=True).iloc[-n:].to_numpy()
        lw = LedoitWolf(assume_centered=False).fit(x)
        cases.append({"returns": x.tolist(), "lambda": lam, "sample_cov": np.cov(x.T, ddof=1).tolist(),
                      "ewma_cov": last.tolist(), "lw_cov": lw.covariance_.tolist(),
                      "lw_shrinkage": lw.shrinkage_})
    return {"generator": "make_fixtures.py", "numpy": np.__version__, "pandas": pd.__version__,
            "sklearn": sklearn.__version__, "cases": cases}


if __name__ == "__main__":
    main()
