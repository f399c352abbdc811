/**
 * A JSON document as tests edit it to build bad or edge-case input
 * (`json.tiers[0].saveRate = 1.5`, `delete json.customers`): any key at any
 * depth. It is `any` on purpose, in this one place: the parser under test is
 * what checks the document, not the compiler.
 *
 * @example
 * const json: JsonDocument = seedPlanJson();
 * json.tiers[0].saveRate = 1.5; // parsePlan(json) now names $.tiers[0].saveRate
 */
// biome-ignore lint/suspicious/noExplicitAny: test documents are edited at any depth to make bad input; the schema under test checks them
export type JsonDocument = Record<string, any>;
