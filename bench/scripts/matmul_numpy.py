#!/usr/bin/env python3
"""numpy/OpenBLAS float32 GEMM throughput for the shapes MatmulGflops measures, on 1 and 2 threads.

Run it with the system Python (Debian's python3-numpy, python3-threadpoolctl, libopenblas0-pthread):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/scripts/matmul_numpy.py

Unsetting OPENBLAS_CORETYPE lets OpenBLAS pick its kernel for this CPU (it prints which one).
Shapes are written m x k x n for C = A.B with A m x k and B k x n; the backprop rows are
dA = dC.B^T (m x n times (k x n)^T) and dB = A^T.dC ((m x k)^T times m x n).
"""
import sys
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits


def shapes():
    """(label, make operands, flops) for each shape; operands are views, so numpy passes transposes to BLAS."""
    out = []

    def nn(m, k, n):
        return (f"{m}x{k}x{n} A.B", lambda r: (r.random((m, k), np.float32), r.random((k, n), np.float32)), 2.0 * m * n * k)

    def da(m, k, n):   # dA = dC . B^T : (m x n)(n x k)
        return (f"{m}x{k}x{n} dC.B^T", lambda r: (r.random((m, n), np.float32), r.random((k, n), np.float32).T), 2.0 * m * n * k)

    def db(m, k, n):   # dB = A^T . dC : (k x m)(m x n)
        return (f"{m}x{k}x{n} A^T.dC", lambda r: (r.random((m, k), np.float32).T, r.random((m, n), np.float32)), 2.0 * m * n * k)

    out.append(nn(512, 512, 512))
    out.append(nn(1024, 1024, 1024))
    for m, k, n in ((32, 1600, 128), (128, 784, 512)):
        out.append(nn(m, k, n))
        out.append(da(m, k, n))
        out.append(db(m, k, n))
    return out


def gflops(a, b, flops, min_time=1.0, repeats=5):
    """Best-of-repeats GFLOP/s, each repeat timing enough calls to last min_time seconds."""
    c = a @ b
    t0 = time.perf_counter()
    calls = 0
    while time.perf_counter() - t0 < 0.3:     # warm-up and call-count calibration
        np.matmul(a, b, out=c)
        calls += 1
    per = (time.perf_counter() - t0) / calls
    reps = max(1, int(min_time / per))
    best = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        dt = time.perf_counter() - t0
        best = max(best, flops * reps / dt / 1e9)
    return best


def main():
    info = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    if not info or info[0].get("internal_api") != "openblas":
        sys.exit(f"expected OpenBLAS to be numpy's BLAS, threadpoolctl reports: {info}")
    print(f"numpy {np.__version__}; BLAS {info[0]['internal_api']} {info[0]['version']} "
          f"kernel={info[0]['architecture']} threading={info[0]['threading_layer']} ({info[0]['filepath']})")
    rng = np.random.default_rng(0)
    print(f"{'shape (m x k x n)':<24}{'1 thread':>12}{'2 threads':>12}   GFLOP/s")
    for label, make, flops in shapes():
        a, b = make(rng)
        row = []
        for t in (1, 2):
            with threadpool_limits(limits=t, user_api="blas"):
                row.append(gflops(a, b, flops))
        print(f"{label:<24}{row[0]:>12.1f}{row[1]:>12.1f}")


if __name__ == "__main__":
    main()
