// generated from spec/openapi.yaml — do not edit
// Types of spec/openapi.yaml by openapi-typescript; run `npm run generate` after editing the spec.

export interface paths {
    "/api/v1/accounts/{account_id}/temporary_enrollment_pairings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * List temporary enrollment pairings
         * @description Returns the list of temporary enrollment pairings for a root account (PUB#method.temporary_enrollment_pairings_api.index).
         *
         *     Canvas orders by `created_at` ascending with no tiebreaker, leaves deleted pairings out unless
         *     `include_deleted` is truthy, and does not paginate: every row, no `Link` header, `page`/`per_page` ignored
         *     (CB §2). A server that paginates must announce further pages with `Link` (rel="next"); following `next`
         *     from the first page yields every pairing exactly once.
         */
        get: operations["listTemporaryEnrollmentPairings"];
        put?: never;
        /**
         * Create Temporary Enrollment Pairing
         * @description Create a Temporary Enrollment Pairing (PUB#method.temporary_enrollment_pairings_api.create) in the domain
         *     root account.
         *
         *     Parameters may come in the query string or in a JSON, form-urlencoded or multipart body; Canvas merges them
         *     and the query string wins on a conflict (standard Rails, CB §2). Unknown parameters are ignored.
         *
         *     `ending_enrollment_state` becomes `"deleted"` unless it is exactly `"completed"` or `"inactive"`
         *     (case-sensitive: `"COMPLETED"`, `"bogus"`, `""` and absent all give `"deleted"`). `workflow_state` is stored
         *     as given (default `"active"`; `"deleted"` creates an already-deleted pairing). `created_by_id` is the caller.
         *     Canvas answers 201 with the root-wrapped object and no `Location` header (CB §2).
         */
        post: operations["createTemporaryEnrollmentPairing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{account_id}/temporary_enrollment_pairings/new": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /**
         * New TemporaryEnrollmentPairing
         * @description Initialize an unsaved Temporary Enrollment Pairing (PUB#method.temporary_enrollment_pairings_api.new).
         *
         *     Nothing is persisted. In Canvas `id`, `created_at`, `updated_at`, `created_by_id`, `deleted_by_id` and
         *     `ending_enrollment_state` are null, `workflow_state` is `"active"` (the column default) and `root_account_id`
         *     is the domain root account (CB §2). The `new` route is matched before `{id}`, so `new` is never looked up
         *     as a pairing id.
         */
        get: operations["newTemporaryEnrollmentPairing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{account_id}/temporary_enrollment_pairings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The pairing's id. Canvas answers 404 for an unknown id, a non-numeric id and another root account's pairing;
                 *     the literal `new` is routed to the new operation instead (CB §2).
                 * @example 7
                 */
                id: components["parameters"]["PairingId"];
            };
            cookie?: never;
        };
        /**
         * Get a single temporary enrollment pairing
         * @description Returns the temporary enrollment pairing with the given id (PUB#method.temporary_enrollment_pairings_api.show).
         *
         *     Canvas returns deleted pairings too, with `workflow_state` `"deleted"`. An unknown id, a non-numeric id or the
         *     id of another root account's pairing answers 404 (CB §2).
         */
        get: operations["getTemporaryEnrollmentPairing"];
        put?: never;
        post?: never;
        /**
         * Delete Temporary Enrollment Pairing
         * @description Delete a temporary enrollment pairing (PUB#method.temporary_enrollment_pairings_api.destroy).
         *
         *     A soft delete: Canvas sets `workflow_state` to `"deleted"` and `deleted_by_id` to the caller, keeps the row,
         *     and answers 200 with the object in its deleted state. Deleting an already-deleted pairing answers 200 again;
         *     an unknown id answers 404 (CB §2). Older Canvas releases answered 204 with no body (CB §5); the canvas
         *     profile targets the newest behaviour.
         */
        delete: operations["deleteTemporaryEnrollmentPairing"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A saved row's id, a JSON integer (CB §1). */
        CanvasId: number;
        /**
         * @description An id sent as a string of digits, when the request's Accept header contains
         *     `application/json+canvas-string-ids` (application_controller.rb `stringify_json_ids?`, CB §1).
         */
        CanvasStringId: string;
        /**
         * Format: date-time
         * @description An ISO 8601 date-time with second precision and no fractional part (config/initializers/json.rb sets time
         *     precision 0); the offset is `Z` or the user's or account's time zone offset (CB §1).
         * @example 2026-01-05T08:00:13Z
         */
        CanvasTimestamp: string;
        /**
         * @description The current status of the pairing; a string column, not null, default "active", at most 255 characters.
         * @example active
         * @example deleted
         */
        WorkflowState: string;
        /**
         * @description The state given to each associated enrollment when the enrollment period ends. Canvas stores "deleted" unless
         *     "completed" or "inactive" was given; the column is text and null on unsaved pairings (CB §1, §2).
         * @example deleted
         * @example completed
         * @example inactive
         */
        EndingEnrollmentState: string | null;
        /**
         * TemporaryEnrollmentPairing
         * @description A pairing unique to that enrollment period given to a recipient of that temporary enrollment (published
         *     page, PUB#temporaryenrollmentpairing). The page documents `id` and `workflow_state`; Canvas's other columns
         *     are described here and may be present (additional properties are allowed).
         */
        TemporaryEnrollmentPairing: {
            /** @description the ID of the temporary enrollment pairing */
            id: components["schemas"]["CanvasId"];
            /**
             * @description The current status of the temporary enrollment pairing
             * @example active
             */
            workflow_state: string;
            /** @description The root account the pairing belongs to (Canvas column). */
            root_account_id?: number | null;
            /**
             * Format: date-time
             * @description When the pairing was created (Canvas column).
             */
            created_at?: string | null;
            /**
             * Format: date-time
             * @description When the pairing was last changed (Canvas column).
             */
            updated_at?: string | null;
            /** @description The user who created the pairing (Canvas column). */
            created_by_id?: number | null;
            /** @description The user who deleted the pairing (Canvas column). */
            deleted_by_id?: number | null;
            /** @description The ending enrollment state (Canvas column; the create parameter of the same name). */
            ending_enrollment_state?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * Unsaved TemporaryEnrollmentPairing
         * @description What new returns in the documented profile — a flat pairing that is not saved, so its id is null.
         */
        UnsavedTemporaryEnrollmentPairing: {
            /** @description null, because the pairing is not saved. */
            id: null;
            workflow_state: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A list of flat pairings (documented profile). */
        TemporaryEnrollmentPairingList: components["schemas"]["TemporaryEnrollmentPairing"][];
        /**
         * TemporaryEnrollmentPairing record
         * @description A saved pairing as Canvas serialises it: the eight columns of temporary_enrollment_pairings, in column order
         *     (db/migrate, CB §1). Further columns are allowed, as a later Canvas release may add some.
         */
        TemporaryEnrollmentPairingRecord: {
            id: components["schemas"]["CanvasId"];
            /** @description The domain root account (CB §2). */
            root_account_id: components["schemas"]["CanvasId"];
            workflow_state: components["schemas"]["WorkflowState"];
            created_at: components["schemas"]["CanvasTimestamp"];
            updated_at: components["schemas"]["CanvasTimestamp"];
            /** @description The user who created the pairing; null for rows made without a user. */
            created_by_id: number | null;
            /** @description The user who deleted the pairing; null until deleted. */
            deleted_by_id: number | null;
            ending_enrollment_state: components["schemas"]["EndingEnrollmentState"];
        } & {
            [key: string]: unknown;
        };
        /**
         * TemporaryEnrollmentPairing record, string ids
         * @description A saved pairing sent with Accept `application/json+canvas-string-ids`; ids are strings of digits (CB §1).
         */
        TemporaryEnrollmentPairingRecordStringIds: {
            id: components["schemas"]["CanvasStringId"];
            root_account_id: components["schemas"]["CanvasStringId"];
            workflow_state: components["schemas"]["WorkflowState"];
            created_at: components["schemas"]["CanvasTimestamp"];
            updated_at: components["schemas"]["CanvasTimestamp"];
            created_by_id: string | null;
            deleted_by_id: string | null;
            ending_enrollment_state: components["schemas"]["EndingEnrollmentState"];
        } & {
            [key: string]: unknown;
        };
        /**
         * Unsaved TemporaryEnrollmentPairing record
         * @description What Canvas's new serialises: `TemporaryEnrollmentPairing.new(root_account: @domain_root_account)`, so id is
         *     null and root_account_id is set; the other columns are null or defaults (CB §2).
         */
        UnsavedTemporaryEnrollmentPairingRecord: {
            id: null;
            root_account_id: components["schemas"]["CanvasId"];
            workflow_state: components["schemas"]["WorkflowState"];
            created_at: components["schemas"]["CanvasTimestamp"] | null;
            updated_at: components["schemas"]["CanvasTimestamp"] | null;
            created_by_id: number | null;
            deleted_by_id: number | null;
            ending_enrollment_state: components["schemas"]["EndingEnrollmentState"];
        } & {
            [key: string]: unknown;
        };
        /**
         * Unsaved TemporaryEnrollmentPairing record, string ids
         * @description The unsaved record sent with Accept `application/json+canvas-string-ids`.
         */
        UnsavedTemporaryEnrollmentPairingRecordStringIds: {
            id: null;
            root_account_id: components["schemas"]["CanvasStringId"];
            workflow_state: components["schemas"]["WorkflowState"];
            created_at: components["schemas"]["CanvasTimestamp"] | null;
            updated_at: components["schemas"]["CanvasTimestamp"] | null;
            created_by_id: string | null;
            deleted_by_id: string | null;
            ending_enrollment_state: components["schemas"]["EndingEnrollmentState"];
        } & {
            [key: string]: unknown;
        };
        /**
         * Root-wrapped TemporaryEnrollmentPairing
         * @description The envelope Canvas sends every single pairing in: Canvas's as_json includes the root
         *     (config/initializers/active_record.rb, CB §1). Nothing else is in the envelope.
         */
        WrappedTemporaryEnrollmentPairing: {
            temporary_enrollment_pairing: components["schemas"]["TemporaryEnrollmentPairingRecord"];
        };
        /** Root-wrapped TemporaryEnrollmentPairing, string ids */
        WrappedTemporaryEnrollmentPairingStringIds: {
            temporary_enrollment_pairing: components["schemas"]["TemporaryEnrollmentPairingRecordStringIds"];
        };
        /** Root-wrapped unsaved TemporaryEnrollmentPairing */
        WrappedUnsavedTemporaryEnrollmentPairing: {
            temporary_enrollment_pairing: components["schemas"]["UnsavedTemporaryEnrollmentPairingRecord"];
        };
        /** Root-wrapped unsaved TemporaryEnrollmentPairing, string ids */
        WrappedUnsavedTemporaryEnrollmentPairingStringIds: {
            temporary_enrollment_pairing: components["schemas"]["UnsavedTemporaryEnrollmentPairingRecordStringIds"];
        };
        /** @description Canvas's list — an array of root-wrapped pairings (CB §1). */
        WrappedTemporaryEnrollmentPairingList: components["schemas"]["WrappedTemporaryEnrollmentPairing"][];
        /** @description Canvas's list with Accept `application/json+canvas-string-ids`. */
        WrappedTemporaryEnrollmentPairingListStringIds: components["schemas"]["WrappedTemporaryEnrollmentPairingStringIds"][];
        /**
         * @description The parameters create permits (`params.permit(:workflow_state, :ending_enrollment_state)`); other parameters
         *     are ignored.
         */
        CreateTemporaryEnrollmentPairingParams: {
            /**
             * @description The workflow state of the temporary enrollment pairing. Stored as given; "deleted" creates an already-deleted pairing.
             * @default active
             */
            workflow_state: string;
            /**
             * @description The ending enrollment state to be given to each associated enrollment when the enrollment period has been
             *     reached. Defaults to "deleted" if no value is given. Accepted values are "deleted", "completed", and
             *     "inactive" (published page). Canvas stores any other value — including other cases such as "COMPLETED" —
             *     as "deleted" (CB §2).
             * @default deleted
             * @enum {string}
             */
            ending_enrollment_state: "deleted" | "completed" | "inactive";
        } & {
            [key: string]: unknown;
        };
        ErrorMessage: {
            message: string;
            error_code?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * Canvas error body
         * @description The JSON body of Canvas's error answers, `{"errors":[{"message":…}]}` (application_controller.rb, CB §3).
         */
        ErrorsBody: {
            errors: components["schemas"]["ErrorMessage"][];
        } & {
            [key: string]: unknown;
        };
        /** Canvas 401 body without credentials */
        UnauthenticatedBody: {
            /** @constant */
            status: "unauthenticated";
        } & components["schemas"]["ErrorsBody"];
        /** Canvas body for a signed-in user lacking the permission */
        UnauthorizedBody: {
            /** @constant */
            status: "unauthorized";
        } & components["schemas"]["ErrorsBody"];
        /**
         * Canvas 422 body of create
         * @description `{"success": false, "errors": errors.full_messages}` (temporary_enrollment_pairings_api_controller.rb).
         */
        ValidationErrorsBody: {
            /** @constant */
            success: false;
            errors: string[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The text body of a throttled answer (CB §4).
         * @example 403 Forbidden (Rate Limit Exceeded)
         */
        RateLimitText: string;
    };
    responses: {
        /** @description The request could not be parsed, e.g. a malformed JSON body (ActionDispatch ParseError → 400, CB §2). */
        BadRequest: {
            headers: {
                "X-Request-Cost": components["headers"]["X-Request-Cost"];
                "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorsBody"];
            };
        };
        /**
         * @description No credentials, or credentials Canvas does not accept: invalid, expired or revoked tokens, and tokens lacking
         *     the developer key's scope (the last without `WWW-Authenticate`). CB §3.
         */
        Unauthenticated: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                "X-Request-Cost": components["headers"]["X-Request-Cost"];
                "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthenticatedBody"] | components["schemas"]["ErrorsBody"];
            };
        };
        /**
         * @description A signed-in user without the permission (current Canvas; older releases answered 401, CB §3 and §5), or a
         *     throttled request, answered as text (`403 Forbidden (Rate Limit Exceeded)`, CB §4). A throttled answer says
         *     nothing about conformance.
         *
         *     Permissions: list, show and new need any of `temporary_enrollments_add`, `temporary_enrollments_edit`,
         *     `temporary_enrollments_delete`; create needs `temporary_enrollments_add`; delete needs
         *     `temporary_enrollments_delete`.
         */
        Forbidden: {
            headers: {
                "X-Request-Cost": components["headers"]["X-Request-Cost"];
                "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthorizedBody"];
                "text/plain": components["schemas"]["RateLimitText"];
            };
        };
        /**
         * @description The account in the path, or the pairing, does not exist (or belongs to another root account); also the
         *     answer of every operation when the `temporary_enrollments` feature flag is off (CB §3).
         */
        NotFound: {
            headers: {
                "X-Request-Cost": components["headers"]["X-Request-Cost"];
                "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorsBody"];
            };
        };
        /**
         * @description The pairing failed validation (e.g. a workflow_state longer than 255 characters); practically unreachable.
         *     Canvas renders `errors.full_messages`, a list of strings (temporary_enrollment_pairings_api_controller.rb).
         */
        UnprocessableEntity: {
            headers: {
                "X-Request-Cost": components["headers"]["X-Request-Cost"];
                "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationErrorsBody"];
            };
        };
        /**
         * @description Throttled, as one page of Canvas's documentation describes it (another says 403, CB §4). Back off and retry;
         *     says nothing about conformance.
         */
        TooManyRequests: {
            headers: {
                "X-Request-Cost": components["headers"]["X-Request-Cost"];
                "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                [name: string]: unknown;
            };
            content: {
                "text/plain": components["schemas"]["RateLimitText"];
            };
        };
    };
    parameters: {
        /**
         * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
         *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
         *     themselves always belong to the domain root account (CB §2).
         */
        AccountId: string;
        /**
         * @description The pairing's id. Canvas answers 404 for an unknown id, a non-numeric id and another root account's pairing;
         *     the literal `new` is routed to the new operation instead (CB §2).
         * @example 7
         */
        PairingId: number;
        /**
         * @description If true, include deleted pairings in the response. Defaults to false (published page).
         *
         *     Canvas parses the value with `Canvas::Plugin.value_to_boolean` (lib/canvas/plugin.rb, CB §2): true for
         *     `yes`, `y`, `true`, `t`, `on`, `1` in any case; false for `no`, `n`, `false`, `f`, `off`, `0` in any case and
         *     the empty string; any other string is true exactly when its leading integer is non-zero (`2` → true,
         *     `abc` → false).
         */
        IncludeDeleted: boolean | string;
        /**
         * @description The page to answer, for servers that paginate (lib/api.rb). Canvas ignores it for this list (CB §2).
         * @example 1
         */
        Page: number;
        /**
         * @description Page size for servers that paginate: default 10, larger values than 100 are clamped to 100 (lib/api.rb,
         *     CB §4). Canvas ignores it for this list (CB §2).
         * @example 10
         */
        PerPage: number;
        /** @description The workflow state, given in the query string; it wins over the body's value (CB §2). */
        WorkflowStateQuery: components["schemas"]["CreateTemporaryEnrollmentPairingParams"]["workflow_state"];
        /** @description The ending enrollment state, given in the query string; it wins over the body's value (CB §2). */
        EndingEnrollmentStateQuery: components["schemas"]["CreateTemporaryEnrollmentPairingParams"]["ending_enrollment_state"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description Sent with a 401 for missing or invalid credentials: `Bearer realm="canvas-lms"` (application_controller.rb).
         *     Not sent when the token lacks the developer key's scope (CB §3).
         * @example Bearer realm="canvas-lms"
         */
        "WWW-Authenticate": string;
        /**
         * @description Pagination links (RFC 8288) with relations `current`, `next`, `prev`, `first` and `last` (`last` may be absent),
         *     for servers that paginate (lib/api.rb). Canvas sends none on this list (CB §2).
         * @example <https://canvas.example.edu/api/v1/accounts/self/temporary_enrollment_pairings?page=2&per_page=10>; rel="next"
         */
        Link: string;
        /**
         * @description The cost of the request against the caller's throttle quota (Canvas throttling, CB §4).
         * @example 0.0184
         */
        "X-Request-Cost": number;
        /**
         * @description What is left of the caller's throttle quota (Canvas throttling, CB §4).
         * @example 699.98
         */
        "X-Rate-Limit-Remaining": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTemporaryEnrollmentPairings: {
        parameters: {
            query?: {
                /**
                 * @description If true, include deleted pairings in the response. Defaults to false (published page).
                 *
                 *     Canvas parses the value with `Canvas::Plugin.value_to_boolean` (lib/canvas/plugin.rb, CB §2): true for
                 *     `yes`, `y`, `true`, `t`, `on`, `1` in any case; false for `no`, `n`, `false`, `f`, `off`, `0` in any case and
                 *     the empty string; any other string is true exactly when its leading integer is non-zero (`2` → true,
                 *     `abc` → false).
                 */
                include_deleted?: components["parameters"]["IncludeDeleted"];
                /**
                 * @description The page to answer, for servers that paginate (lib/api.rb). Canvas ignores it for this list (CB §2).
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Page size for servers that paginate: default 10, larger values than 100 are clamped to 100 (lib/api.rb,
                 *     CB §4). Canvas ignores it for this list (CB §2).
                 * @example 10
                 */
                per_page?: components["parameters"]["PerPage"];
            };
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The pairings of the domain root account. Canvas: an array of root-wrapped objects (CB §1); documented: an
             *     array of flat objects.
             */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    "X-Request-Cost": components["headers"]["X-Request-Cost"];
                    "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrappedTemporaryEnrollmentPairingList"] | components["schemas"]["WrappedTemporaryEnrollmentPairingListStringIds"] | components["schemas"]["TemporaryEnrollmentPairingList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createTemporaryEnrollmentPairing: {
        parameters: {
            query?: {
                /** @description The workflow state, given in the query string; it wins over the body's value (CB §2). */
                workflow_state?: components["parameters"]["WorkflowStateQuery"];
                /** @description The ending enrollment state, given in the query string; it wins over the body's value (CB §2). */
                ending_enrollment_state?: components["parameters"]["EndingEnrollmentStateQuery"];
            };
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        /** @description The pairing's attributes, in any of the encodings Canvas accepts (all fields optional). */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateTemporaryEnrollmentPairingParams"];
                "application/x-www-form-urlencoded": components["schemas"]["CreateTemporaryEnrollmentPairingParams"];
                "multipart/form-data": components["schemas"]["CreateTemporaryEnrollmentPairingParams"];
            };
        };
        responses: {
            /**
             * @description Documented profile only: the published page does not state the status of create, so a flat object with
             *     200 is accepted there. Canvas answers 201 (CB §6).
             */
            200: {
                headers: {
                    "X-Request-Cost": components["headers"]["X-Request-Cost"];
                    "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemporaryEnrollmentPairing"];
                };
            };
            /**
             * @description The created pairing. Canvas: root-wrapped, eight columns, no `Location` header (CB §2); documented: a flat
             *     object.
             */
            201: {
                headers: {
                    "X-Request-Cost": components["headers"]["X-Request-Cost"];
                    "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrappedTemporaryEnrollmentPairing"] | components["schemas"]["WrappedTemporaryEnrollmentPairingStringIds"] | components["schemas"]["TemporaryEnrollmentPairing"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    newTemporaryEnrollmentPairing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An unsaved pairing, whose id is null. */
            200: {
                headers: {
                    "X-Request-Cost": components["headers"]["X-Request-Cost"];
                    "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrappedUnsavedTemporaryEnrollmentPairing"] | components["schemas"]["WrappedUnsavedTemporaryEnrollmentPairingStringIds"] | components["schemas"]["UnsavedTemporaryEnrollmentPairing"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getTemporaryEnrollmentPairing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The pairing's id. Canvas answers 404 for an unknown id, a non-numeric id and another root account's pairing;
                 *     the literal `new` is routed to the new operation instead (CB §2).
                 * @example 7
                 */
                id: components["parameters"]["PairingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pairing. Canvas: root-wrapped, eight columns (CB §1); documented: a flat object. */
            200: {
                headers: {
                    "X-Request-Cost": components["headers"]["X-Request-Cost"];
                    "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrappedTemporaryEnrollmentPairing"] | components["schemas"]["WrappedTemporaryEnrollmentPairingStringIds"] | components["schemas"]["TemporaryEnrollmentPairing"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteTemporaryEnrollmentPairing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The account used for the permission check: a numeric id, `self` (the domain root account), or a prefixed
                 *     form such as `sis_account_id:X` (lib/api.rb). An account that does not exist answers 404. The pairings
                 *     themselves always belong to the domain root account (CB §2).
                 */
                account_id: components["parameters"]["AccountId"];
                /**
                 * @description The pairing's id. Canvas answers 404 for an unknown id, a non-numeric id and another root account's pairing;
                 *     the literal `new` is routed to the new operation instead (CB §2).
                 * @example 7
                 */
                id: components["parameters"]["PairingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pairing in its deleted state (`workflow_state` `"deleted"`). */
            200: {
                headers: {
                    "X-Request-Cost": components["headers"]["X-Request-Cost"];
                    "X-Rate-Limit-Remaining": components["headers"]["X-Rate-Limit-Remaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrappedTemporaryEnrollmentPairing"] | components["schemas"]["WrappedTemporaryEnrollmentPairingStringIds"] | components["schemas"]["TemporaryEnrollmentPairing"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
