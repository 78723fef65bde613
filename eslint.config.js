// Lint: the recommended JS and typescript-eslint rules, plus the house rules from ../shared/docs/style.md
// that a linter can hold (no committed `.only`, no stray console in library code is left to review).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "spec/generated/**", "conformance-report/**", "coverage/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", Buffer: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error",
        { object: "describe", property: "only", message: "No committed .only (style.md §12)." },
        { object: "it", property: "only", message: "No committed .only (style.md §12)." },
        { object: "test", property: "only", message: "No committed .only (style.md §12)." }],
    },
  },
);
