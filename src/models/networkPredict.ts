import * as tf from "@tensorflow/tfjs";
import type { Matrix } from "./Matrix";

/** Uncalibrated probabilities of a tfjs network (sigmoid of its logit output), in batches of 8192 rows. */
export function predictNetwork(model: tf.LayersModel, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  const batch = 8192;
  for (let start = 0; start < x.rows; start += batch) {
    const m = Math.min(batch, x.rows - start);
    const values = tf.tidy(() => {
      const input = tf.tensor2d(x.data.subarray(start * x.cols, (start + m) * x.cols), [m, x.cols]);
      const logits = model.apply(input);
      if (!(logits instanceof tf.Tensor)) throw new Error("the network gave no single output tensor");
      return logits.sigmoid().dataSync();
    });
    out.set(values, start);
  }
  return out;
}
