// The one --help text; README.md quotes it word for word (style.md §11), and a test keeps them equal.
export const HELP = `tep-conformance — conformance suite for the Canvas LMS Temporary Enrollment Pairings API

Usage:
  tep-conformance [options]                 test a server (without --base-url: the embedded reference server)
  tep-conformance serve [serve options]     run the reference server (tep-conformance serve --help)
  tep-conformance cleanup --journal PATH    delete the pairings a crashed run left active
  tep-conformance --help | --version

Target:
  --base-url URL              server to test (env CANVAS_BASE_URL); omit to test the embedded reference server
  --token TOKEN               API token of an account admin (env CANVAS_API_TOKEN)
  --account-id ID             account in the path: self, a numeric id or sis_account_id:X (default: self)
  --profile NAME              canvas (what Canvas does) or documented (the published page) (default: canvas)
  --unprivileged-token TOKEN  token of a user without temporary enrollment permissions, for the 403 checks
                              (env CANVAS_UNPRIVILEGED_TOKEN); without it those checks are skipped
  --foreign-pairing-id ID     id of a pairing of another root account, for the 404 check; else skipped

Run:
  --strict                    SHOULD requirements gate the verdict too
  --read-only                 send GET requests only; checks that create or delete are skipped
  --only AREAS                comma-separated: list,show,new,create,delete,auth,accounts,representation,
                              errors,robustness
  --concurrency N             concurrent checks (default: 4)
  --timeout MS                per-request timeout (default: 10000)
  --run-timeout MS            whole-run timeout (default: 600000)

Reports:
  --report-dir DIR            where reports and footprint.jsonl go (default: ./conformance-report)
  --reporter LIST             console,json,junit,markdown,html (default: all)
  --no-color                  plain console output (also NO_COLOR)

Network:
  --ca FILE                   extra CA certificates (PEM); NODE_EXTRA_CA_CERTS works too
  --insecure                  do not verify TLS certificates (reported as a warning)
  --follow-redirects          follow same-origin redirects (never sends the token to another origin)

Containers:
  --image IMAGE               start IMAGE with testcontainers and test it (needs a Docker engine)
  --container-port N          port the image serves on (default: 3000)
  --env KEY=VALUE             environment for the container (repeatable)
  --wait-path PATH            path that must answer before testing (default: the list endpoint)
  --container-startup-timeout MS   (default: 60000)

Exit codes: 0 conformant, 1 not conformant, 2 usage error, 3 could not complete.
`;
