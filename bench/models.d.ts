/**
 * `npm run bench -- models`: our tfjs logistic regression and XGBoost-wasm trees
 * against scikit-learn's LogisticRegression and HistGradientBoostingClassifier
 * (Debian's python3-sklearn, run from bench/sklearn_reference.py in the same run)
 * on identical preprocessed rows of (1) a synthetic 200,000-row weekly panel and
 * (2) the committed sample's panel. Prints test AUC, median fit seconds of 3 fits and the ratios.
 */
export declare function benchModels(): Promise<void>;
