import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message:
                "Use a plain <a>. next/link prefetches every page a link in view leads to (the timeline fetched 26 payloads, 150 kB, on load), which phones pay for in data and main-thread time; our pages are static and load fast as documents.",
            },
          ],
        },
      ],
      // Its advice is next/link, which the rule above refuses for the reason it gives.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    ignores: [".next/**", ".next-*/**", "bench/.tmp/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
