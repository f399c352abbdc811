/** Options of {@link benchMonteCarlo}. */
export interface BenchMonteCarloOptions {
    /** Plan file (default data/plans/seed-plan-uncertain.json). */
    plan?: string;
    /** Trials of the timed runs (default 1,000,000). */
    trials?: number;
    /** Trials of the peak-memory run in a child process (default 10,000,000; 0 skips it). */
    peakTrials?: number;
    /** Trials of the long 1-vs-2-workers run, where start-up does not matter (default 10,000,000; 0 skips it). */
    longTrials?: number;
    seed?: number;
    /** Timed repetitions of each configuration; the fastest counts (default 2: the machine may be shared). */
    repeats?: number;
    /** Where lines go (default console.log). */
    log?: (line: string) => void;
}
/** Measured figures of {@link benchMonteCarlo}. */
export interface BenchMonteCarloResult {
    trials: number;
    /** In this thread (no workers), trials/s. */
    inProcessTrialsPerSecond: number;
    /** One and two worker threads, trials/s, worker start-up included. */
    oneWorkerTrialsPerSecond: number;
    twoWorkersTrialsPerSecond: number;
    /** twoWorkers / oneWorker. */
    speedUp1to2: number;
    /** Seconds to start one worker thread and run one small block in it, pool empty (cold: the worker loads the cached esbuild bundle). */
    workerStartSeconds: number;
    /** The same with the pool's worker already started (warm: what later runs in the same process pay). */
    warmWorkerStartSeconds: number;
    /** How workers load the engine: "bundle" (pre-compiled) or "tsx". */
    workerMode: string;
    /** The long run: trials, and trials/s on 1 and 2 warm workers (null when skipped). */
    long: {
        trials: number;
        oneWorkerTrialsPerSecond: number;
        twoWorkersTrialsPerSecond: number;
        speedUp1to2: number;
    } | null;
    /** Load average (1 minute) when the benchmark started: other processes on the machine skew timings. */
    loadAverage: number;
    numpyTrialsPerSecond: number;
    /** Best TypeScript rate / NumPy rate. */
    ratioToNumpy: number;
    /** Mean ROI from the engine and from NumPy (same model, different streams): they should agree within a few standard errors. */
    roiMean: {
        engine: number;
        numpy: number;
        engineSe: number;
    };
    /** Peak resident memory of the peak run, MB (null when skipped). */
    peakMemoryMb: number | null;
    peakTrials: number;
    peakSeconds: number | null;
}
/**
 * Runs the benchmark and prints one line per figure.
 *
 * @example
 * await benchMonteCarlo({ trials: 1_000_000 }) // { ratioToNumpy: 2.1, speedUp1to2: 1.8, peakMemoryMb: 420, ... } (machine-dependent)
 */
export declare function benchMonteCarlo(options?: BenchMonteCarloOptions): Promise<BenchMonteCarloResult>;
