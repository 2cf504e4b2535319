import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "coverage/**",
      "data/**",
      "node_modules/**",
      "*.config.js",
      "bench/**/*.js",
      "scripts/**",
      // plain JavaScript child processes that tests spawn
      "**/*.mjs",
      // the console's browser script (plain JavaScript, served as a file)
      "src/console/assets/**",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["test/**/*.ts", "src/cli/**/*.ts"],
    rules: { "no-console": "off", "@typescript-eslint/unbound-method": "off" },
  },
);
