/** Moved to src/domain/errors.ts (the floor every layer may import); kept for in-flight imports. */
export * from "../domain/errors.js";
