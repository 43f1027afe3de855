#!/usr/bin/env python3
"""The office line as SimPy models it: the M/M/c queue of `desk-bench office` (issue 6).

A = 10 Erlangs (100 calls per 30 min, 180 s handling), 14 operators, infinite patience, CALLS calls.
Prints the same key=value line as desk-bench, so Scripts/simulator-benchmark.sh can compare both the
rate and the figures (both must land near Erlang C: P(wait) 0.1741, ASA 7.84 s).
"""
import random
import sys
import time

import simpy

ARRIVAL_RATE = 100 / 1800
HANDLING = 180.0


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    operators = int(sys.argv[2]) if len(sys.argv) > 2 else 14
    rng = random.Random(1)
    env = simpy.Environment()
    line = simpy.Resource(env, capacity=operators)
    waits = []

    def caller(env):
        arrival = env.now
        with line.request() as request:
            yield request
            waits.append(env.now - arrival)
            yield env.timeout(rng.expovariate(1 / HANDLING))

    def arrivals(env):
        for _ in range(calls):
            yield env.timeout(rng.expovariate(ARRIVAL_RATE))
            env.process(caller(env))

    started = time.perf_counter()
    env.process(arrivals(env))
    env.run()
    seconds = time.perf_counter() - started
    waited = sum(1 for w in waits if w > 0)
    print(f"calls={calls} seconds={seconds:.3f} rate={int(calls / seconds)} "
          f"p_wait={waited / len(waits):.4f} asa={sum(waits) / len(waits):.2f}")


if __name__ == "__main__":
    main()
