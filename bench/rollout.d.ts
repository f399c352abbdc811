/**
 * Runs the rollout benchmark and prints one row per configuration: kernel
 * throughput (best of 3 single runs of 200,000 × 52, one thread), then whole
 * studies of 1 and 100 trials on 1 and 2 workers (end to end: parameter
 * draws, kernel, gate AUCs and summaries; calibration excluded and reported
 * separately).
 */
export declare function benchRollout(): Promise<void>;
