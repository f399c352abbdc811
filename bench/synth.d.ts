/** One measured size. */
export interface SynthBenchRow {
    customers: number;
    /** Seconds to generate the tables in memory. */
    generateSeconds: number;
    /** Seconds to write the six CSV files. */
    writeSeconds: number;
    /** Peak resident memory of the child process, MB. */
    peakRssMb: number;
    /** Rows written: visits + surveys + app activity + risk snapshots. */
    eventRows: number;
    /** Bytes written in total. */
    bytes: number;
}
/**
 * Runs the synth benchmark: each size in a fresh child process (tsx), printing
 * a table of generate/write seconds, peak RSS and per-customer ratios.
 *
 * @param sizes - customer counts (default 50,000, 200,000 and 1,000,000).
 * @returns the measured rows.
 */
export declare function benchSynth(sizes?: readonly number[]): Promise<SynthBenchRow[]>;
