/** The suppression record's types live with the domain (src/domain/suppression.ts): triage reads them too. */
export * from "../domain/suppression.js";
